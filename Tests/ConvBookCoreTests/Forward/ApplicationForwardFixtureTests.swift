import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// keras.applications at small inputs against Tests/Fixtures/keras/forward-applications (written by
/// a real tf-keras with `make_application_forward_fixtures.py`). The weights and the input are not
/// stored: both sides draw them from the case's seed (`PortableWeights`), so even ResNet50 is a
/// seed and an output. Every output must equal Keras' within 1e-4 of its largest magnitude.
@Suite("Forward pass of keras.applications against tf-keras fixtures")
struct ApplicationForwardFixtureTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/keras/forward-applications")

  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let seed: UInt64
    let scheme: String
    let inputShape: [Int]
    let inputRange: (lower: Double, upper: Double)
    let probeWeight: String
    let probeValues: [Float]
    var testDescription: String { name }
  }

  static let cases: [Case] = {
    guard let data = try? Data(contentsOf: folder.appendingPathComponent("index.json")),
      let index = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let cases = index["cases"] as? [[String: Any]]
    else { return [] }
    return cases.compactMap { entry in
      guard let name = entry["name"] as? String, let seed = entry["seed"] as? Int,
        let scheme = entry["scheme"] as? String, let shape = entry["input_shape"] as? [Int],
        let range = entry["input_range"] as? [Double], range.count == 2,
        let probe = entry["probe"] as? [String: Any], let weight = probe["weight"] as? String,
        let values = probe["values"] as? [Double]
      else { return nil }
      return Case(
        name: name, seed: UInt64(seed), scheme: scheme, inputShape: shape,
        inputRange: (range[0], range[1]), probeWeight: weight,
        probeValues: values.map { Float($0) })
    }
  }()

  static func path(_ name: String, _ suffix: String) -> String {
    folder.appendingPathComponent(name + suffix).path
  }

  static func model(_ testCase: Case) throws -> SequentialModel {
    let file = try ModelFile.load(
      path: path(testCase.name, ".py"),
      runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras2)))
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    return try #require(file.models().last?.model)
  }

  static func input(_ testCase: Case) -> Tensor {
    PortableWeights.uniform(
      seed: testCase.seed, stream: "input", shape: testCase.inputShape,
      lower: testCase.inputRange.lower, upper: testCase.inputRange.upper)
  }

  @Test("the index lists the application cases")
  func indexIsRead() {
    #expect(Self.cases.count >= 7)
    #expect(Set(Self.cases.map(\.scheme)) == [PortableWeights.scheme])
  }

  @Test("the seeded weights are Python's bits", arguments: cases)
  func weightsMatchPython(_ testCase: Case) throws {
    let model = try Self.model(testCase)
    let weights = try PortableWeights.weights(for: model, seed: testCase.seed)
    #expect(weights.names.first == testCase.probeWeight)
    let first = try #require(weights[testCase.probeWeight])
    #expect(Array(first.scalars.prefix(testCase.probeValues.count)) == testCase.probeValues)
  }

  @Test("outputs equal Keras' within 1e-4 relative", arguments: cases)
  func matchesKeras(_ testCase: Case) throws {
    let model = try Self.model(testCase)
    let weights = try PortableWeights.weights(for: model, seed: testCase.seed)
    let expected = try NPYFormat.decode(
      Array(try Data(contentsOf: URL(fileURLWithPath: Self.path(testCase.name, ".output.npy")))))
    let output = try ForwardPass(model: model, weights: weights, threads: 2).run(
      Self.input(testCase))
    let error = KerasForwardFixtureTests.relativeError(output, expected)
    #expect(output.shape == expected.shape)
    #expect(
      error <= KerasForwardFixtureTests.tolerance, "\(testCase.name): relative error \(error)")
    if ProcessInfo.processInfo.environment["CONVBOOK_PRINT_ERRORS"] != nil {
      let absolute = output.maxAbsoluteDifference(to: expected)
      print("application fixture \(testCase.name): relative error \(error), absolute \(absolute)")
    }
  }
}
