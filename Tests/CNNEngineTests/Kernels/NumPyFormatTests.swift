import Foundation
import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("NumPy .npy / .npz")
struct NumPyFormatTests {
  typealias Support = KernelTestSupport
  static let small = try! Tensor(shape: [2, 3], scalars: [-0.5, -0.25, 0, 0.25, 0.5, 0.75])

  @Test("reads float32, float64, int64, scalars and version 2.0 headers written by numpy")
  func readsNumpyFiles() throws {
    #expect(try NPYFormat.decode(Support.file("npy_f4")) == Self.small)
    #expect(try NPYFormat.decode(Support.file("npy_f8")) == Self.small)
    #expect(try NPYFormat.decode(Support.file("npy_v2")) == Self.small)
    #expect(
      try NPYFormat.decode(Support.file("npy_i8"))
        == Tensor(shape: [3, 2], scalars: [-3, -2, -1, 0, 1, 2]))
    #expect(try NPYFormat.decode(Support.file("npy_scalar")) == Tensor(shape: [], scalars: [2.5]))
  }

  @Test("writes exactly the bytes numpy writes for float32")
  func writesLikeNumpy() throws {
    #expect(NPYFormat.encode(Self.small) == (try Support.file("npy_f4")))
    #expect(
      NPYFormat.encode(try Tensor(shape: [], scalars: [2.5])) == (try Support.file("npy_scalar")))
  }

  @Test("round-trips through a file")
  func roundTrip() throws {
    let tensor = try KernelBenchmark.randomTensor([3, 4, 5], seed: 4)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cnnengine-\(UUID().uuidString).npy"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try NPYFormat.write(tensor, to: path)
    let back = try NPYFormat.read(contentsOf: path)
    #expect(Support.bits(back) == Support.bits(tensor) && back.shape == tensor.shape)
  }

  @Test("unsupported inputs are clear errors")
  func clearErrors() throws {
    func message(_ body: () throws -> Void) -> String {
      do {
        try body()
        return "no error"
      } catch let error as NumPyError {
        return error.message
      } catch {
        return "unexpected \(error)"
      }
    }
    #expect(message { _ = try NPYFormat.decode(Support.file("npy_fortran")) }.contains("Fortran"))
    // uint8 (Keras' MNIST) reads; a dtype outside the four is refused by name.
    #expect(message { _ = try NPYFormat.decode(Support.file("npy_u1")) } == "no error")
    var int16 = try Support.file("npy_u1")
    if let at = (0..<(int16.count - 2)).first(where: {
      Array(int16[$0..<$0 + 3]) == Array("|u1".utf8)
    }) {
      int16.replaceSubrange(at..<at + 3, with: Array("<i2".utf8))
    }
    #expect(message { _ = try NPYFormat.decode(int16) }.contains("'<i2' is not supported"))
    #expect(message { _ = try NPYFormat.decode([1, 2, 3]) }.contains("not a .npy file"))
    var truncated = try Support.file("npy_f4")
    truncated.removeLast(3)
    #expect(message { _ = try NPYFormat.decode(truncated) }.contains("truncated"))
    #expect(
      message { _ = try NPZArchive(bytes: Support.file("npz_compressed")) }.contains("np.savez"))
    #expect(message { _ = try NPZArchive(bytes: [0x50, 0x4B]) }.contains("not a .npz file"))
    #expect(
      message { _ = try NPYFormat.read(contentsOf: "/nonexistent/x.npy") }.contains("cannot read"))
  }

  @Test("reads an np.savez archive, in order, and rejects corruption")
  func readsNpz() throws {
    let archive = try NPZArchive(bytes: Support.file("npz_stored"))
    #expect(archive.names == ["weights", "bias"])
    #expect(archive["weights"] == Self.small)
    #expect(archive["bias"] == Tensor([1.5, -2]))
    var corrupt = try Support.file("npz_stored")
    corrupt[200] ^= 0xFF  // inside the first member's data
    #expect(throws: NumPyError.self) { try NPZArchive(bytes: corrupt) }
    var cut = try Support.file("npz_stored")
    cut.removeLast(30)
    #expect(throws: NumPyError.self) { try NPZArchive(bytes: cut) }
  }
}
