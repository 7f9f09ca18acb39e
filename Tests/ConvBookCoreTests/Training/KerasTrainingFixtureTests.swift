import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// Every case of Tests/Fixtures/keras/training (written by a real tf-keras `model.fit` with
/// Tools/keras-reference/make_training_fixtures.py): the model and its `model.compile(...)` run
/// through the cell interpreter, training starts from the case's initial weights with
/// `shuffle=False`, and the loss and metrics of every epoch and the final weights (moving
/// statistics included) must equal Keras' within 1e-3 of the largest weight. Functional graphs
/// (`graph_*`: merges, tensor arithmetic, a shared layer, a nested model, several inputs and
/// outputs) keep one `NAME.xK.npy` per input and `NAME.yK.npy` per output.
@Suite("Training against tf-keras fixtures")
struct KerasTrainingFixtureTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/keras/training")

  static let caseNames: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()

  static func path(_ name: String, _ suffix: String) -> String {
    folder.appendingPathComponent(name + suffix).path
  }

  struct Record {
    var epochs: Int
    var batchSize: Int
    var validationSplit: Double
    var history: [String: [Double]]
    var printed: String
    /// Graph cases: how many input and target files.
    var inputs: Int?
    var outputs: Int?
  }

  static func record(_ name: String) throws -> Record {
    let data = try Data(contentsOf: URL(fileURLWithPath: path(name, ".json")))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let fit = try #require(object["fit"] as? [String: Any])
    let history = try #require(object["history"] as? [String: [Double]])
    return Record(
      epochs: fit["epochs"] as? Int ?? 1, batchSize: fit["batch_size"] as? Int ?? 32,
      validationSplit: fit["validation_split"] as? Double ?? 0, history: history,
      printed: object["printed"] as? String ?? "", inputs: object["inputs"] as? Int,
      outputs: object["outputs"] as? Int)
  }

  static func arrays(_ name: String, _ prefix: String, count: Int?) throws -> [Tensor] {
    guard let count else { return [try NPYFormat.read(contentsOf: path(name, ".\(prefix).npy"))] }
    return try (0..<count).map { try NPYFormat.read(contentsOf: path(name, ".\(prefix)\($0).npy")) }
  }

  static func train(_ name: String, threads: Int) throws -> (Trainer, TrainingHistory, [String]) {
    let record = try record(name)
    // Recorded by tf-keras, so run as tf-keras (Keras 3 refuses TensorFlow functions on Keras
    // tensors, which the tensor-function cases call).
    let file = try ModelFile.load(
      path: path(name, ".py"),
      runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras2)))
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    let model = try #require(file.models().last?.model)
    let compiled = try #require(model.compileArguments)
    let trainer = try Trainer(
      model: model, weights: ModelWeights.load(npz: path(name, ".initial.npz"), for: model),
      configuration: TrainingConfiguration(compiled), threads: threads)
    var lines: [String] = []
    let history = try trainer.fit(
      inputs: arrays(name, "x", count: record.inputs),
      targets: arrays(name, "y", count: record.outputs),
      options: Trainer.Options(
        epochs: record.epochs, batchSize: record.batchSize, shuffle: false,
        validationSplit: record.validationSplit)
    ) { report in
      lines.append("Epoch \(report.epoch)/\(report.epochs)")
      lines.append(TrainingHistory.progressLine(report, timings: false))
    }
    return (trainer, history, lines)
  }

  @Test("the fixture folder holds the cases")
  func casesExist() {
    #expect(Self.caseNames.count >= 8)
  }

  @Test("loss, metrics and weights match tf-keras", arguments: caseNames)
  func matchesKeras(_ name: String) throws {
    let record = try Self.record(name)
    let (trainer, history, lines) = try Self.train(name, threads: 2)
    #expect(Set(history.names) == Set(record.history.keys), "\(history.names)")
    var errors: [String] = []
    for (key, expected) in record.history {
      let actual = try #require(history[key])
      #expect(actual.count == expected.count)
      for (a, e) in zip(actual, expected) {
        #expect(
          abs(Double(a) - e) <= 1e-3 * max(1, abs(e)), "\(name) \(key): \(actual) vs \(expected)")
      }
    }
    let final = try NPZArchive(contentsOf: Self.path(name, ".final.npz"))
    let trained = trainer.weights
    let scale = final.names.compactMap { final[$0]?.scalars.map(abs).max() }.max() ?? 1
    // tf-keras names a custom layer's `add_weight` variable `my_layer/w:0`, ConvBook's node of it
    // `my_layer/w/w:0`.
    var engineNames: [String: String] = [:]
    for entry in try ModelWeights.expected(for: trainer.model) {
      if let scoped = entry.scopedName { engineNames[scoped] = entry.kerasName }
    }
    for key in final.names {
      let expected = try #require(final[key])
      let actual = try #require(
        trained[key] ?? engineNames[key].flatMap { trained[$0] }, "\(name): no weight \(key)")
      #expect(actual.shape == expected.shape)
      let error = actual.maxAbsoluteDifference(to: expected) / scale
      #expect(error <= 1e-3, "\(name) \(key): relative error \(error)")
      errors.append("\(key) \(error)")
    }
    if ProcessInfo.processInfo.environment["CONVBOOK_TRAINING_ERRORS"] != nil {
      print(
        "\(name): largest weight error relative to the largest weight:",
        errors.max {
          Double($0.split(separator: " ").last!)! < Double($1.split(separator: " ").last!)!
        } ?? "-")
    }
    // Keras' printed lines without their timings: steps and values must be the same text.
    let keras = record.printed.split(separator: "\n").map { line -> String in
      var parts = line.components(separatedBy: " - ")
      guard parts.count > 3 else { return String(line) }
      parts.remove(at: 1)
      parts.removeLast(2)
      return parts.joined(separator: " - ")
    }
    #expect(lines == keras, "\(lines) vs \(keras)")
  }

  @Test("weights are bitwise identical with one and two threads")
  func threadCountDoesNotMatter() throws {
    for name in [
      "conv_adam_bn", "conv_rmsprop_groups", "rnntrain_embedding_bilstm",
      "rnntrain_timedistributed_conv", "rnntrain_graph_seq2seq_adam",
    ] {
      let one = try Self.train(name, threads: 1).0.weights
      let two = try Self.train(name, threads: 2).0.weights
      for key in one.names { #expect(one[key] == two[key], "\(name) \(key)") }
    }
  }

  @Test("convbook fit writes the trained weights and prints Keras' history as JSON")
  func fitCommandWritesWeights() throws {
    let name = "dense_sgd"
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("convbook-fit-\(ProcessInfo.processInfo.processIdentifier).npz").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let training = Training(
      xPath: Self.path(name, ".x.npy"), yPath: Self.path(name, ".y.npy"),
      weightsPath: Self.path(name, ".initial.npz"), outputPath: out, epochs: 3, batchSize: 8,
      shuffle: false)
    var lines: [String] = []
    let result = try training.run(ModelFile.load(path: Self.path(name, ".py"))) {
      lines.append($0)
    }
    #expect(lines.count == 6)
    #expect(lines.first == "Epoch 1/3")
    #expect(result.json.hasPrefix("{\"keras_version\": 3, \"history\": {\"loss\": [1.25295"))
    let written = try NPZArchive(contentsOf: out)
    let expected = try NPZArchive(contentsOf: Self.path(name, ".final.npz"))
    #expect(written.names == expected.names)
    for key in expected.names {
      #expect(
        try #require(written[key]).maxAbsoluteDifference(to: try #require(expected[key])) < 1e-5)
    }
  }

  @Test("a model without compile is refused in Keras' words, and nothing is written")
  func uncompiledModelIsRefused() throws {
    let script = FileManager.default.temporaryDirectory
      .appendingPathComponent("convbook-uncompiled-\(ProcessInfo.processInfo.processIdentifier).py")
    try """
    from tensorflow import keras
    model = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(3)])
    """.write(to: script, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: script) }
    let out = script.path + ".npz"
    let training = Training(
      xPath: Self.path("dense_sgd", ".x.npy"), yPath: Self.path("dense_sgd", ".y.npy"),
      outputPath: out)
    #expect(throws: ForwardCommandError.self) {
      try training.run(ModelFile.load(path: script.path))
    }
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
