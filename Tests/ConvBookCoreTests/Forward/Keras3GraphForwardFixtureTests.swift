import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// Every case of Tests/Fixtures/keras3/forward-graphs (written by a real Keras 3 with
/// `make_keras3_graph_fixtures.py`): graphs whose numbers are Keras 3's own (its call arguments
/// `query_mask=` / `value_mask=` / `key_mask=`). Outputs equal Keras 3's within 1e-4 of their
/// largest magnitude.
@Suite("Forward pass of graphs against Keras 3 fixtures")
struct Keras3GraphForwardFixtureTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/keras3/forward-graphs")

  static let caseNames: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()

  @Test("the folder holds the Keras 3 cases")
  func casesArePresent() {
    #expect(Self.caseNames.contains("mha_call_masks"))
  }

  @Test("outputs equal Keras 3's within 1e-4 relative", arguments: caseNames)
  func matchesKeras3(_ name: String) throws {
    func path(_ suffix: String) -> String { Self.folder.appendingPathComponent(name + suffix).path }
    let file = try ModelFile.load(
      path: path(".py"),
      runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras3)))
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    let model = try #require(file.models().last?.model)
    let weights = try ModelWeights.load(npz: path(".weights.npz"), for: model)
    let inputs = KerasGraphForwardFixtureTests.numbered(
      try NPZArchive(contentsOf: path(".inputs.npz")), "input")
    let expected = KerasGraphForwardFixtureTests.numbered(
      try NPZArchive(contentsOf: path(".outputs.npz")), "output")
    let outputs = try ForwardPass(model: model, weights: weights, threads: 2).run(inputs: inputs)
    KerasForwardFixtureTests.expectOutputs(outputs, equal: expected, case: name)
  }
}
