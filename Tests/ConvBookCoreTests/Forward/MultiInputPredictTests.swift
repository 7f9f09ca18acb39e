import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// `convbook predict` on a model with two inputs and two outputs: inputs by name (`--x`) or in an
/// `.npz`, outputs to an `.npz` or a folder, and the refusals of names, shapes and dtypes.
@Suite struct MultiInputPredictTests {
  static let script = """
    from tensorflow import keras
    from tensorflow.keras import layers
    image = keras.Input(shape=(4,), name="image")
    meta = keras.Input(shape=(2,), name="meta")
    x = layers.Concatenate()([image, meta])
    cls = layers.Dense(3, name="cls")(x)
    box = layers.Dense(1, name="box")(x)
    model = keras.Model([image, meta], [cls, box])
    """

  struct Folder {
    let url: URL
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
  }

  static func folder() throws -> (Folder, ModelFile) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-multi-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    let folder = Folder(url: url)
    try script.write(toFile: folder.path("m.py"), atomically: true, encoding: .utf8)
    try NPYFormat.write(
      try Tensor(shape: [2, 4], scalars: (0..<8).map { Float($0) / 8 }),
      to: folder.path("image.npy"))
    try NPYFormat.write(
      try Tensor(shape: [2, 2], scalars: [0.5, -0.5, 1, 0]), to: folder.path("meta.npy"))
    return (folder, try ModelFile.load(path: folder.path("m.py")))
  }

  static func error(_ body: () throws(ForwardCommandError) -> Prediction.Result)
    -> ForwardCommandError?
  {
    do {
      _ = try body()
      return nil
    } catch { return error }
  }

  @Test func namedInputsToAnArchiveAndToAFolder() throws {
    let (folder, file) = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    // In any order: the model takes them in its own.
    let pairs = ["meta=\(folder.path("meta.npy"))", "image=\(folder.path("image.npy"))"]
    let result = try Prediction(namedInputs: pairs, outputPath: folder.path("y.npz")).run(file)
    #expect(result.inputs.map(\.name) == ["image", "meta"])
    #expect(result.inputs.map(\.shape) == [[2, 4], [2, 2]])
    #expect(result.outputs.map(\.name) == ["cls", "box"])
    #expect(result.outputs.map(\.shape) == [[2, 3], [2, 1]])
    #expect(
      result.summary.hasPrefix("functional: image (2, 4), meta (2, 2) -> cls (2, 3), box (2, 1)"))
    let archive = try NPZArchive(contentsOf: folder.path("y.npz"))
    #expect(archive.names == ["cls", "box"])
    #expect(archive["cls"]?.shape == [2, 3])

    // The same inputs from one .npz keyed by the input names give the same outputs.
    try AtomicFileWriter.write(
      NPZWriter.encode([
        ("meta", try NPYFormat.read(contentsOf: folder.path("meta.npy"))),
        ("image", try NPYFormat.read(contentsOf: folder.path("image.npy"))),
      ]), to: folder.path("x.npz"))
    let outputs = folder.path("out")
    try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
    let again = try Prediction(inputPath: folder.path("x.npz"), outputPath: outputs).run(file)
    #expect(again.outputs.map(\.file) == [outputs + "/cls.npy", outputs + "/box.npy"])
    #expect(try NPYFormat.read(contentsOf: outputs + "/cls.npy") == archive["cls"])
    #expect(try NPYFormat.read(contentsOf: outputs + "/box.npy") == archive["box"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: outputs).sorted() == [
        "box.npy", "cls.npy",
      ])

    let json = result.json.serialized()
    #expect(json.hasPrefix("{\"keras_version\": 3, \"model\": \"functional\""))
  }

  /// An archive of inputs with thousands of stray arrays names the first 20 and counts the rest,
  /// as the weights reader does: listing all 3,000 made a message of tens of kilobytes (100,000
  /// made one of megabytes).
  @Test func strayArraysInAnInputArchiveAreCut() throws {
    let (folder, file) = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let small = try Tensor(shape: [1, 1], scalars: [0])
    let entries = (0..<3000).map { ("a\($0)", small) }
    try Data(try NPZWriter.encode(entries)).write(to: folder.url.appendingPathComponent("x.npz"))
    let error = Self.error { () throws(ForwardCommandError) in
      try Prediction(inputPath: folder.path("x.npz"), outputPath: folder.path("y.npz")).run(file)
    }
    let message = try #require(error?.message)
    #expect(
      message.contains("'a19', ... and 2,980 more, which model \"functional\" has no input for"))
    #expect(message.utf8.count < 1000)
  }

  @Test func seededInputsForEveryInput() throws {
    let (folder, file) = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let result = try Prediction(outputPath: folder.path("y.npz"), batch: 3).run(file)
    #expect(result.inputs.map(\.shape) == [[3, 4], [3, 2]])
    #expect(result.outputs.map(\.shape) == [[3, 3], [3, 1]])
  }

  @Test func refusals() throws {
    let (folder, file) = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let image = "image=\(folder.path("image.npy"))"
    let meta = "meta=\(folder.path("meta.npy"))"
    let out = folder.path("y.npz")

    let oneFile = Self.error { () throws(ForwardCommandError) in
      try Prediction(namedInputs: [image, meta], outputPath: folder.path("y.npy")).run(file)
    }
    #expect(oneFile?.isUsageError == true)
    #expect(oneFile?.message.contains("has 2 outputs (cls, box): give --out FILE.npz") == true)

    let missing = Self.error { () throws(ForwardCommandError) in
      try Prediction(namedInputs: [image], outputPath: out).run(file)
    }
    #expect(missing?.isUsageError == true)
    #expect(missing?.message.contains("also needs the input meta: give --x meta=FILE.npy") == true)

    let unknown = Self.error { () throws(ForwardCommandError) in
      try Prediction(namedInputs: [image, "pixels=x.npy"], outputPath: out).run(file)
    }
    #expect(
      unknown?.message
        == "model \"functional\" has no input named 'pixels'; its inputs are: image, meta")

    let malformed = Self.error { () throws(ForwardCommandError) in
      try Prediction(namedInputs: ["image.npy"], outputPath: out).run(file)
    }
    #expect(malformed?.message == "--x takes NAME=FILE.npy, got 'image.npy'")

    let oneInput = Self.error { () throws(ForwardCommandError) in
      try Prediction(inputPath: folder.path("image.npy"), outputPath: out).run(file)
    }
    #expect(oneInput?.isUsageError == true)
    #expect(oneInput?.message.contains("has 2 inputs (image, meta)") == true)

    // A shape that does not fit its input layer.
    let shape = Self.error { () throws(ForwardCommandError) in
      try Prediction(namedInputs: ["image=\(folder.path("meta.npy"))", meta], outputPath: out).run(
        file)
    }
    #expect(shape?.isUsageError == false)
    #expect(
      shape?.message
        == "the input image: Input 0 of layer \"functional\" is incompatible with the layer: expected shape=(None, 4), found shape=(2, 2)"
    )

    // A dtype the reader does not take (int32).
    var bytes = NPYFormat.encode(try Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]))
    let header = Array("'<f4'".utf8)
    let at = try #require(
      (0..<(bytes.count - header.count)).first { Array(bytes[$0..<($0 + header.count)]) == header })
    bytes.replaceSubrange(at..<(at + header.count), with: Array("'<i4'".utf8))
    try Data(bytes).write(to: URL(fileURLWithPath: folder.path("int.npy")))
    let dtype = Self.error { () throws(ForwardCommandError) in
      try Prediction(namedInputs: [image, "meta=\(folder.path("int.npy"))"], outputPath: out).run(
        file)
    }
    #expect(
      dtype?.message.hasPrefix(
        "cannot read the input meta (\(folder.path("int.npy"))): .npy dtype '<i4' is not supported")
        == true)

    // An archive without one of the inputs, or with one the model does not have.
    try AtomicFileWriter.write(
      NPZWriter.encode([("image", try NPYFormat.read(contentsOf: folder.path("image.npy")))]),
      to: folder.path("half.npz"))
    let half = Self.error { () throws(ForwardCommandError) in
      try Prediction(inputPath: folder.path("half.npz"), outputPath: out).run(file)
    }
    #expect(half?.message.contains("has no array named 'meta'") == true)
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test(
    .enabled(if: CheckCommandLineTests.executable != nil, "the convbook executable is not built"))
  func throughTheExecutable() throws {
    let (folder, _) = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    let run = try CheckCommandLineTests.run([
      "predict", folder.path("m.py"), "--x", "image=\(folder.path("image.npy"))", "--x",
      "meta=\(folder.path("meta.npy"))", "--out", folder.path("y.npz"), "--json", "--keras", "2",
    ])
    #expect(run.status == 0, "\(run.errors)")
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect(object["keras_version"] as? Int == 2)
    #expect(object["model"] as? String == "model")
    let missing = try CheckCommandLineTests.run([
      "predict", folder.path("m.py"), "--x", "image=\(folder.path("image.npy"))", "--out",
      folder.path("z.npz"),
    ])
    #expect(missing.status == 2 && missing.errors.contains("also needs the input meta"))
  }
}
