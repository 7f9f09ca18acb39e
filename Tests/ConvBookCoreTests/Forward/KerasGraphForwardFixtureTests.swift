import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// Every case of Tests/Fixtures/keras/forward-graphs (written by a real tf-keras with
/// `make_forward_fixtures.py --graphs`): functional graphs with merges, `Dot`, tensor arithmetic,
/// shared layers, nested models and several inputs and outputs. The model code runs through the
/// cell interpreter, the weights come from the case's `.npz`, and every output must equal Keras'
/// within 1e-4 of its largest magnitude.
@Suite("Forward pass of graphs against tf-keras fixtures")
struct KerasGraphForwardFixtureTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/keras/forward-graphs")

  static let caseNames: [String] = {
    guard let data = try? Data(contentsOf: folder.appendingPathComponent("index.json")),
      let index = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let cases = index["cases"] as? [[String: Any]]
    else { return [] }
    return cases.compactMap { $0["name"] as? String }
  }()

  /// tf-keras 2, whose graphs these are.
  static var runner: LessonRunner {
    LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras2))
  }

  static func path(_ name: String, _ suffix: String) -> String {
    folder.appendingPathComponent(name + suffix).path
  }

  /// The arrays `prefix_0`, `prefix_1`, ... of an archive, in order.
  static func numbered(_ archive: NPZArchive, _ prefix: String) -> [Tensor] {
    var tensors: [Tensor] = []
    while let tensor = archive["\(prefix)_\(tensors.count)"] { tensors.append(tensor) }
    return tensors
  }

  static func run(_ name: String, threads: Int) throws -> (outputs: [Tensor], expected: [Tensor]) {
    let file = try ModelFile.load(path: path(name, ".py"), runner: Self.runner)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    let model = try #require(file.models().last?.model)
    let weights = try ModelWeights.load(npz: path(name, ".weights.npz"), for: model)
    let inputs = numbered(try NPZArchive(contentsOf: path(name, ".inputs.npz")), "input")
    let expected = numbered(try NPZArchive(contentsOf: path(name, ".outputs.npz")), "output")
    let pass = ForwardPass(model: model, weights: weights, threads: threads)
    return (try pass.run(inputs: inputs), expected)
  }

  @Test("the index lists the graph cases")
  func indexIsRead() {
    #expect(Self.caseNames.count >= 8)
  }

  @Test("outputs equal Keras' within 1e-4 relative", arguments: caseNames)
  func matchesKeras(_ name: String) throws {
    let (outputs, expected) = try Self.run(name, threads: 2)
    KerasForwardFixtureTests.expectOutputs(outputs, equal: expected, case: name)
  }

  @Test("a second run and other thread counts give the same bits", arguments: caseNames)
  func deterministic(_ name: String) throws {
    let first = try Self.run(name, threads: 1).outputs
    let file = try ModelFile.load(path: Self.path(name, ".py"), runner: Self.runner)
    let model = try #require(file.models().last?.model)
    let weights = try ModelWeights.load(npz: Self.path(name, ".weights.npz"), for: model)
    let inputs = Self.numbered(
      try NPZArchive(contentsOf: Self.path(name, ".inputs.npz")), "input")
    let pass = ForwardPass(model: model, weights: weights, threads: 3)
    #expect(try pass.run(inputs: inputs) == first)
    #expect(try pass.run(inputs: inputs) == first)
  }

  @Test("trace statistics run a graph with two inputs on seeded batches")
  func traceMeasuresTwoInputs() throws {
    let file = try ModelFile.load(path: Self.path("two_inputs", ".py"), runner: Self.runner)
    let model = try #require(file.models().last?.model)
    var trace = try ShapeTrace(model: model)
    trace.measure(model, threads: 1)
    #expect(trace.measurement?.failure == nil, "\(String(describing: trace.measurement?.failure))")
    #expect(trace.steps.last?.statistics != nil)
  }
}
