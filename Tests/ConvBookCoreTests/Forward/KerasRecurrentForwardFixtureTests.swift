import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// Every case of Tests/Fixtures/keras/forward-recurrent (written by a real tf-keras with
/// `make_recurrent_fixtures.py`): SimpleRNN, LSTM, GRU (both reset_after), go_backwards, an
/// unknown time length, Bidirectional in every merge mode and with a backward_layer, and the masks
/// of `Embedding(mask_zero=True)` and `Masking` reaching the recurrent layers. The model code runs
/// through the cell interpreter, the weights come from the case's `.npz`, and every output must
/// equal Keras' within the forward fixtures' tolerance.
@Suite("Forward pass of recurrent layers against tf-keras fixtures")
struct KerasRecurrentForwardFixtureTests {
  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/keras")
  static let folder = fixtures.appendingPathComponent("forward-recurrent")
  /// The cases whose numbers differ under Keras 3 (ConvLSTM's default `recurrent_activation` is
  /// `sigmoid` there, `hard_sigmoid` in tf-keras), recorded with `--keras3`.
  static let keras3Folder = fixtures.appendingPathComponent("forward-recurrent-keras3")

  static let caseNames = names(in: folder)
  static let keras3CaseNames = names(in: keras3Folder)

  static func names(in folder: URL) -> [String] {
    guard let data = try? Data(contentsOf: folder.appendingPathComponent("index.json")),
      let index = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let cases = index["cases"] as? [[String: Any]]
    else { return [] }
    return cases.compactMap { $0["name"] as? String }
  }

  static func run(_ name: String, threads: Int, keras3: Bool = false) throws -> (
    outputs: [Tensor], expected: [Tensor]
  ) {
    func path(_ name: String, _ suffix: String) -> String {
      (keras3 ? keras3Folder : folder).appendingPathComponent(name + suffix).path
    }
    let runner =
      keras3
      ? LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras3))
      : KerasGraphForwardFixtureTests.runner
    let file = try ModelFile.load(path: path(name, ".py"), runner: runner)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    let model = try #require(file.models().last?.model)
    let weights = try ModelWeights.load(npz: path(name, ".weights.npz"), for: model)
    let inputs = KerasGraphForwardFixtureTests.numbered(
      try NPZArchive(contentsOf: path(name, ".inputs.npz")), "input")
    let expected = KerasGraphForwardFixtureTests.numbered(
      try NPZArchive(contentsOf: path(name, ".outputs.npz")), "output")
    let pass = ForwardPass(model: model, weights: weights, threads: threads)
    return (try pass.run(inputs: inputs), expected)
  }

  @Test("the index lists the recurrent cases")
  func indexIsRead() {
    #expect(Self.caseNames.count >= 15)
    #expect(Self.keras3CaseNames.count >= 2)
  }

  @Test("outputs equal Keras' within the forward tolerance", arguments: caseNames)
  func matchesKeras(_ name: String) throws {
    let (outputs, expected) = try Self.run(name, threads: 2)
    KerasForwardFixtureTests.expectOutputs(outputs, equal: expected, case: name)
  }

  @Test("Keras 3's ConvLSTM numbers", arguments: keras3CaseNames)
  func matchesKeras3(_ name: String) throws {
    let (outputs, expected) = try Self.run(name, threads: 2, keras3: true)
    KerasForwardFixtureTests.expectOutputs(outputs, equal: expected, case: name)
  }

  @Test("one thread and three give the same bits", arguments: caseNames)
  func deterministic(_ name: String) throws {
    let one = try Self.run(name, threads: 1).outputs
    let three = try Self.run(name, threads: 3).outputs
    #expect(one == three)
  }
}
