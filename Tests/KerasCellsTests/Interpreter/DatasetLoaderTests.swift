import CNNEngine
import Foundation
import Testing

@testable import KerasCells

/// `keras.datasets.fashion_mnist.load_data()` reads Keras' cache: the tiny gzip'd IDX files of
/// Tests/Fixtures/datasets (written by Tools/keras-reference/make_dataset_fixtures.py, which
/// printed the sums below) are copied into a temporary cache folder, as Keras would leave them.
@Suite struct DatasetLoaderTests {
  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/datasets")

  /// A cells session whose Keras cache is `folder`.
  static func session(cache folder: URL) -> CellRunner {
    let cells = CellRunner()
    cells.session.training.files = CellFiles(
      read: { _ in throw CocoaError(.fileReadNoSuchFile) }, write: { _, _ in },
      kerasDataset: { name in
        (try? Data(contentsOf: folder.appendingPathComponent(name))).map { [UInt8]($0) }
      })
    return cells
  }

  static func temporaryCache() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("convbook-keras-cache-\(UUID().uuidString)")
    for dataset in ["fashion-mnist", "cifar-10-batches-py"] {
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent(dataset), withIntermediateDirectories: true)
      for name in try FileManager.default.contentsOfDirectory(
        atPath: fixtures.appendingPathComponent(dataset).path)
      {
        try FileManager.default.copyItem(
          at: fixtures.appendingPathComponent(dataset + "/" + name),
          to: folder.appendingPathComponent(dataset + "/" + name))
      }
    }
    return folder
  }

  @Test func fashionMNISTReadsKerasCache() throws {
    let cache = try Self.temporaryCache()
    defer { try? FileManager.default.removeItem(at: cache) }
    let cells = Self.session(cache: cache)
    let result = cells.run(
      """
      from tensorflow import keras
      (x, y), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
      print(x.shape, x.dtype, y.shape, y.dtype, x_test.shape)
      print(y, y_test, x.sum(), x[0, 5].sum(), x_test.sum(), x_test[0, 5].sum())
      """)
    #expect(result.error == nil, "\(String(describing: result.error))")
    #expect(
      result.printed == """
        (6, 28, 28) uint8 (6,) uint8 (3, 28, 28)
        [9 4 8 5 7 9] [1 8 7] 169525 615 82950 1730

        """)
  }

  @Test func cifar10ReadsKerasCache() throws {
    let cache = try Self.temporaryCache()
    defer { try? FileManager.default.removeItem(at: cache) }
    let result = Self.session(cache: cache).run(
      """
      from tensorflow import keras
      (x, y), (x_test, y_test) = keras.datasets.cifar10.load_data()
      print(x.shape, x.dtype, y.shape, y.dtype, x_test.shape, y_test.shape)
      print(y[:, 0], y_test[:, 0], x.sum(), x[1, 2, 3], x[:, 0, 0, 0].sum())
      """)
    #expect(result.error == nil, "\(String(describing: result.error))")
    #expect(
      result.printed == """
        (10, 32, 32, 3) uint8 (10, 1) uint8 (2, 32, 32, 3) (2, 1)
        [2 2 9 3 6 7 6 9 9 9] [7 4] 3925457 [199 104  69] 1163

        """)
    let file = cache.appendingPathComponent("cifar-10-batches-py/data_batch_3")
    try Data([UInt8](try Data(contentsOf: file)).prefix(100)).write(to: file)
    let damaged = Self.session(cache: cache).run(
      "from tensorflow import keras\nd = keras.datasets.cifar10.load_data()")
    #expect(
      damaged.error?.message
        == "cannot read ~/.keras/datasets/cifar-10-batches-py/data_batch_3: truncated pickle")
  }

  @Test func aMissingOrDamagedFileIsExplained() throws {
    let cache = try Self.temporaryCache()
    defer { try? FileManager.default.removeItem(at: cache) }
    let file = cache.appendingPathComponent("fashion-mnist/t10k-images-idx3-ubyte.gz")
    var bytes = [UInt8](try Data(contentsOf: file))
    bytes[bytes.count / 2] ^= 0x55
    try Data(bytes).write(to: file)
    let damaged = Self.session(cache: cache).run(
      "from tensorflow import keras\nd = keras.datasets.fashion_mnist.load_data()")
    #expect(
      damaged.error?.message.hasPrefix(
        "cannot read ~/.keras/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz") == true,
      "\(String(describing: damaged.error))")
    try FileManager.default.removeItem(at: file)
    let missing = Self.session(cache: cache).run(
      "from tensorflow import keras\nd = keras.datasets.fashion_mnist.load_data()")
    #expect(
      missing.error?.message.contains(
        "~/.keras/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz, which is not there") == true)
  }

  @Test func gunzipChecksWhatItInflates() throws {
    let text = Array("stored block, no compression".utf8)
    // A gzip member with one stored block, as a minimal writer makes it.
    var stored: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1]
    stored += [UInt8(text.count), 0, ~UInt8(text.count), 0xFF] + text
    let crc = Gunzip.crc32(text)
    stored += (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) }
    stored += [UInt8(text.count), 0, 0, 0]
    #expect(try Gunzip.decompress(stored) == text)
    var wrongSize = stored
    wrongSize[wrongSize.count - 4] += 1
    #expect(throws: Gunzip.Failure.self) { try Gunzip.decompress(wrongSize) }
    #expect(throws: Gunzip.Failure.self) { try Gunzip.decompress(Array(stored.prefix(15))) }
  }
}
