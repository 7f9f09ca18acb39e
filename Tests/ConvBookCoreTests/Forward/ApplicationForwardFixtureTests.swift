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
    /// Whether Keras 3 built the same weights and its output is recorded (`NAME.keras3.output.npy`).
    let hasKeras3: Bool
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
        probeValues: values.map { Float($0) }, hasKeras3: entry["keras3_output"] as? Bool == true)
    }
  }()

  static func path(_ name: String, _ suffix: String) -> String {
    folder.appendingPathComponent(name + suffix).path
  }

  static func model(_ testCase: Case, keras3: Bool = false) throws -> KerasModel {
    let file = try ModelFile.load(
      path: path(testCase.name, ".py"),
      runner: LessonRunner(
        kerasVersion: KerasVersionSetting(commandLine: keras3 ? .keras3 : .keras2)))
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

  /// The same file in Keras 3 mode builds Keras 3's application, which the recorder ran on the
  /// tf-keras model's weights in `model.weights` order (names differ between the two: DenseNet's
  /// `conv1/conv` is Keras 3's `conv1_conv`); ConvBook does the same.
  @Test("Keras 3's applications equal Keras 3's outputs", arguments: cases.filter(\.hasKeras3))
  func matchesKeras3(_ testCase: Case) throws {
    let classic = try Self.model(testCase)
    let seeded = try PortableWeights.weights(for: classic, seed: testCase.seed)
    let model = try Self.model(testCase, keras3: true)
    let entries = try ModelWeights.expected(for: model)
    #expect(
      entries.map(\.spec.shape) == (try ModelWeights.expected(for: classic)).map(\.spec.shape))
    var tensors: [String: Tensor] = [:]
    for (entry, name) in zip(entries, seeded.names) { tensors[entry.kerasName] = seeded[name] }
    let weights = ModelWeights(names: entries.map(\.kerasName), tensors: tensors)
    let expected = try NPYFormat.decode(
      Array(
        try Data(contentsOf: URL(fileURLWithPath: Self.path(testCase.name, ".keras3.output.npy")))))
    let output = try ForwardPass(model: model, weights: weights, threads: 2).run(
      Self.input(testCase))
    let error = KerasForwardFixtureTests.relativeError(output, expected)
    #expect(output.shape == expected.shape)
    #expect(
      error <= KerasForwardFixtureTests.tolerance, "\(testCase.name): relative error \(error)")
    if ProcessInfo.processInfo.environment["CONVBOOK_PRINT_ERRORS"] != nil {
      print("application fixture \(testCase.name), Keras 3: relative error \(error)")
    }
  }

  /// Buffers are freed after their last reader: ResNet50 at 224x224, batch 1, holds at most 10.2 MB
  /// of activations at once (its widest cut), against 148.5 MB for all of its 176 outputs; the
  /// estimate adds two idle buffers of the largest (3.3 MB each).
  @Test("ResNet50 at batch 1 holds its widest cut of activations, not all of them")
  func resNet50PeakActivations() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-resnet50-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("resnet50.py").path
    try "from tensorflow import keras\nmodel = keras.applications.ResNet50(weights=None)\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let file = try ModelFile.load(
      path: path, runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras2)))
    let model = try #require(file.models().last?.model)
    let estimate = try ForwardPass.estimate(model: model, batch: 1)
    let shapes = try ForwardPass(model: model, weights: ModelWeights(names: [], tensors: [:]))
      .shapes(for: [1, 224, 224, 3])
    // The input and every call's output.
    let all = shapes.reduce(0) { $0 + 4 * $1.reduce(1, *) }
    let largest = shapes.map { 4 * $0.reduce(1, *) }.max() ?? 0
    #expect(shapes.count == 177)
    #expect(all == 148_480_848)
    #expect(largest == 3_326_976)
    #expect(estimate.activationBytes == 10_235_904 + 2 * largest)
    #expect(estimate.weightBytes == 102_546_848)
  }
}
