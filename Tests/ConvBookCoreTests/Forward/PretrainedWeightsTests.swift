import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// `weights="imagenet"` (or `weights="FILE.npz"`) for a forward pass: the weights come from an
/// `.npz` exported from Keras, found by the model's name in `$CONVBOOK_WEIGHTS_DIR` or
/// `~/.keras/models`, and a missing file is refused as ConvBook's limitation with how to make it.
@Suite("Pretrained application weights from exported .npz files")
struct PretrainedWeightsTests {
  /// A fresh, empty folder.
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-pretrained-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The last model a script binds, run as tf-keras.
  static func model(_ source: String, in folder: URL) throws -> KerasModel {
    let path = folder.appendingPathComponent("model-\(UUID().uuidString).py").path
    try source.write(toFile: path, atomically: true, encoding: .utf8)
    let file = try ModelFile.load(
      path: path, runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras2)))
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    return try #require(file.models().last?.model)
  }

  static let base =
    "MobileNet(alpha=0.25, include_top=False, input_shape=(32, 32, 3), weights="

  /// What `weights="imagenet"` looks for: Keras names the model after the 224 weights it loads
  /// for an input size it has none for (and `export_application_weights.py` names the file so).
  static let fileName = "mobilenet_0.25_224_notop.npz"

  /// Seeded weights of the untrained model, written where "imagenet" is looked for.
  static func export(to folder: URL, seed: UInt64) throws -> ModelWeights {
    let untrained = try model(
      "import tf_keras as keras\nmodel = keras.applications.\(base)None)\n", in: folder)
    let weights = try ModelWeights.initialized(for: untrained, seed: seed)
    try Data(NPZWriter.encode(weights.npzEntries())).write(
      to: folder.appendingPathComponent(fileName))
    return weights
  }

  @Test("without an exported file the forward pass is refused with where and how to make it")
  func refusedWithoutFile() throws {
    let folder = try Self.folder()
    let model = try Self.model(
      "import tf_keras as keras\nmodel = keras.applications.\(Self.base)'imagenet')\n", in: folder)
    let environment = ["HOME": folder.path, "CONVBOOK_WEIGHTS_DIR": folder.path + "/weights"]
    do {
      _ = try ModelWeights.initialized(for: model, seed: 0, environment: environment)
      Issue.record("expected a refusal")
    } catch {
      #expect(error.kind == .weights)
      #expect(error.message.contains("ConvBook does not ship pretrained weights"))
      #expect(
        error.message.contains(
          "mobilenet_0.25_224_notop.npz, which is not in \(folder.path)/weights and \(folder.path)/.keras/models"
        ))
      #expect(
        error.message.contains(
          "export_application_weights.py MobileNet --no-top --input-shape 32,32,3 --out \(folder.path)/weights/mobilenet_0.25_224_notop.npz"
        ))
    }
  }

  @Test("an exported file found by the model's name gives the weights and the same outputs")
  func loadsExportedFile() throws {
    let folder = try Self.folder()
    let exported = try Self.export(to: folder, seed: 7)
    // Other layers first: the application's layers keep their own names, the head's shift.
    let model = try Self.model(
      """
      import tf_keras as keras
      from tf_keras import layers
      base = keras.applications.\(Self.base)'imagenet')
      inputs = keras.Input(shape=(32, 32, 3))
      x = base(inputs, training=False)
      x = layers.GlobalAveragePooling2D()(x)
      outputs = layers.Dense(3)(x)
      model = keras.Model(inputs, outputs)
      """, in: folder)
    let environment = ["CONVBOOK_WEIGHTS_DIR": folder.path]
    let weights = try ModelWeights.initialized(for: model, seed: 1, environment: environment)
    for (name, tensor) in exported.npzEntries() {
      #expect(weights[name] == tensor, "\(name)")
    }
    // The head is drawn from Keras' initializers as without pretrained weights.
    let head = try #require(weights.names.first { $0.hasPrefix("dense") })
    #expect(weights[head] != nil)
    let input = SeededInput.batch(for: model, batch: 1, seed: 3)
    let output = try ForwardPass(model: model, weights: weights, threads: 1).run(input)
    #expect(output.shape == [1, 3])
  }

  @Test("weights= names an exported file directly")
  func weightsPath() throws {
    let folder = try Self.folder()
    let exported = try Self.export(to: folder, seed: 5)
    let path = folder.appendingPathComponent(Self.fileName).path
    let model = try Self.model(
      "import tf_keras as keras\nmodel = keras.applications.\(Self.base)'\(path)')\n", in: folder)
    let weights = try ModelWeights.initialized(for: model, seed: 0, environment: [:])
    for (name, tensor) in exported.npzEntries() { #expect(weights[name] == tensor) }
  }

  @Test("a weights file that is not an .npz is ConvBook's limitation")
  func otherFormatRefused() throws {
    let folder = try Self.folder()
    let path = folder.appendingPathComponent("weights.h5").path
    try Data([0]).write(to: URL(fileURLWithPath: path))
    let file = folder.appendingPathComponent("h5.py").path
    try "import tf_keras as keras\nmodel = keras.applications.\(Self.base)'\(path)')\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    let loaded = try ModelFile.load(
      path: file, runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras2)))
    #expect(
      loaded.diagnostics.contains {
        $0.message.contains("ConvBook reads pretrained weights only from .npz files")
      }, "\(loaded.diagnostics)")
  }

  @Test("a file of another model is refused with the weight that does not fit")
  func otherModelRefused() throws {
    let folder = try Self.folder()
    let other = try Self.model(
      "import tf_keras as keras\nmodel = keras.applications.MobileNet(alpha=0.5, include_top=False, input_shape=(32, 32, 3), weights=None)\n",
      in: folder)
    let path = folder.appendingPathComponent("other.npz").path
    try Data(
      NPZWriter.encode(try ModelWeights.initialized(for: other, seed: 0).npzEntries())
    ).write(to: URL(fileURLWithPath: path))
    let model = try Self.model(
      "import tf_keras as keras\nmodel = keras.applications.\(Self.base)'\(path)')\n", in: folder)
    do {
      _ = try ModelWeights.initialized(for: model, seed: 0, environment: [:])
      Issue.record("expected a refusal")
    } catch {
      #expect(error.message.contains("does not fit model \"mobilenet_0.25_32\""))
      #expect(error.message.contains("conv1/kernel:0' has shape (3, 3, 3, 16)"))
    }
  }
}
