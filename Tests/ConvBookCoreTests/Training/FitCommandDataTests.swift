import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// `convbook fit` with several inputs and outputs: `--x NAME=FILE.npy` / `--y NAME=FILE.npy` per
/// input and output, or one `.npz` keyed by their names (as `predict` takes inputs), trained as
/// the tf-keras fixtures of Tests/Fixtures/keras/training were.
@Suite("convbook fit: several inputs and outputs")
struct FitCommandDataTests {
  typealias Fixtures = KerasTrainingFixtureTests

  static func scratch(_ name: String) -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("convbook-fit-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
      .path
  }

  /// Trains `name` through `Training` and checks the weights against tf-keras' final ones.
  static func trainAndCheck(_ name: String, x: [String], y: [String]) throws -> Training.Result {
    let record = try Fixtures.record(name)
    let out = scratch(name + ".npz")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let training = Training(
      x: x, y: y, weightsPath: Fixtures.path(name, ".initial.npz"), outputPath: out,
      epochs: record.epochs, batchSize: record.batchSize, shuffle: false,
      validationSplit: record.validationSplit)
    let result = try training.run(ModelFile.load(path: Fixtures.path(name, ".py")))
    #expect(Set(result.history.names) == Set(record.history.keys), "\(result.history.names)")
    let written = try NPZArchive(contentsOf: out)
    let final = try NPZArchive(contentsOf: Fixtures.path(name, ".final.npz"))
    let scale = final.names.compactMap { final[$0]?.scalars.map(abs).max() }.max() ?? 1
    for key in final.names {
      let error =
        try #require(written[key]).maxAbsoluteDifference(to: try #require(final[key])) / scale
      #expect(error <= 1e-3, "\(name) \(key): relative error \(error)")
    }
    return result
  }

  @Test func namedInputsInAnyOrder() throws {
    let name = "graph_two_inputs_sgd"
    _ = try Self.trainAndCheck(
      name,
      x: ["right=" + Fixtures.path(name, ".x1.npy"), "left=" + Fixtures.path(name, ".x0.npy")],
      y: [Fixtures.path(name, ".y0.npy")])
  }

  @Test func inputsAndTargetsFromNPZArchives() throws {
    let name = "graph_two_outputs_sgd"
    let x = try NPYFormat.read(contentsOf: Fixtures.path(name, ".x0.npy"))
    let y0 = try NPYFormat.read(contentsOf: Fixtures.path(name, ".y0.npy"))
    let y1 = try NPYFormat.read(contentsOf: Fixtures.path(name, ".y1.npy"))
    let targets = Self.scratch("targets.npz")
    try Data(try NPZWriter.encode([("value", y1), ("label", y0)])).write(
      to: URL(fileURLWithPath: targets))
    let inputs = Self.scratch("inputs.npz")
    try Data(try NPZWriter.encode([("anything", x)])).write(to: URL(fileURLWithPath: inputs))
    defer {
      try? FileManager.default.removeItem(atPath: targets)
      try? FileManager.default.removeItem(atPath: inputs)
    }
    let result = try Self.trainAndCheck(name, x: [inputs], y: [targets])
    // Keras' history keys of a model with two outputs, in Keras' order.
    #expect(
      result.history.names == [
        "loss", "label_loss", "value_loss", "label_accuracy", "value_mae", "val_loss",
        "val_label_loss", "val_value_loss", "val_label_accuracy", "val_value_mae",
      ])
    #expect(result.json.contains("\"label_loss\": ["))
    _ = try Self.trainAndCheck(
      name, x: [Fixtures.path(name, ".x0.npy")],
      y: ["value=" + Fixtures.path(name, ".y1.npy"), "label=" + Fixtures.path(name, ".y0.npy")])
  }

  /// `--epochs 9223372036854775807` used to run until killed: the history of every epoch, which
  /// `--json` prints at the end, must fit the memory budget, checked before any training.
  @Test func epochsWhoseHistoryCannotFitAreRefusedBeforeTraining() throws {
    let name = "graph_two_inputs_sgd"
    let out = Self.scratch("epochs.npz")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let file = try ModelFile.load(path: Fixtures.path(name, ".py"))
    let x = ["right=" + Fixtures.path(name, ".x1.npy"), "left=" + Fixtures.path(name, ".x0.npy")]
    let y = [Fixtures.path(name, ".y0.npy")]
    for (epochs, budget) in [(Int.max, Training.defaultMemoryBudget), (100_000, 1 << 20)] {
      let error = try #require(throws: ForwardCommandError.self) {
        _ = try Training(x: x, y: y, outputPath: out, epochs: epochs, memoryBudget: budget).run(
          file)
      }
      #expect(!error.isUsageError)
      #expect(error.message.hasPrefix("keeping the history of \(epochs) epochs ("), "\(error)")
      #expect(
        error.message.hasSuffix(
          "; refused before training. Train fewer epochs or raise the budget (--memory-budget BYTES)"
        ))
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }

  /// Refusals name what is missing or extra and write nothing.
  @Test func missingAndExtraNamesAreRefused() throws {
    let name = "graph_two_outputs_sgd"
    let out = Self.scratch("refused.npz")
    let file = try ModelFile.load(path: Fixtures.path(name, ".py"))
    func message(x: [String], y: [String]) -> String? {
      do {
        _ = try Training(x: x, y: y, outputPath: out).run(file)
        return nil
      } catch {
        return error.message
      }
    }
    let x = Fixtures.path(name, ".x0.npy")
    let y0 = Fixtures.path(name, ".y0.npy")
    #expect(
      message(x: [x], y: [y0])
        == "model \"two_outputs\" has 2 outputs (label, value): give --y NAME=FILE.npy for each, or --y FILE.npz keyed by those names"
    )
    #expect(
      message(x: [x], y: ["label=" + y0])
        == "model \"two_outputs\" also needs the output value: give --y value=FILE.npy")
    #expect(
      message(x: [x], y: ["label=" + y0, "value=" + y0, "third=" + y0])
        == "model \"two_outputs\" has no output named 'third'; its outputs are: label, value")
    #expect(
      message(x: [x], y: ["label=" + y0, "label=" + y0])
        == "--y gives the output 'label' twice")
    #expect(
      message(x: ["images=" + x], y: ["label=" + y0, "value=" + y0])?.hasPrefix(
        "model \"two_outputs\" has no input named 'images'") == true)
    let archive = Self.scratch("extra.npz")
    try Data(try NPZWriter.encode([("label", try NPYFormat.read(contentsOf: y0))])).write(
      to: URL(fileURLWithPath: archive))
    defer { try? FileManager.default.removeItem(atPath: archive) }
    #expect(message(x: [x], y: [archive])?.contains("has no array named 'value'") == true)
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
