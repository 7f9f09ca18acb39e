import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// Every case of Tests/Fixtures/keras/forward (written by a real tf-keras with
/// Tools/keras-reference/make_forward_fixtures.py) and of forward-extra (channels-first layers,
/// 1D/3D transposed and separable convolutions, every UpSampling2D interpolation, more
/// activations; written by its make_forward_extra_fixtures.py): the model code runs through the cell
/// interpreter, the weights come from the case's `.npz`, and the output must equal Keras' within
/// 1e-4 of the output's largest magnitude. Each layer's output is compared too, so a mismatch
/// names the first layer that goes wrong.
@Suite("Forward pass against tf-keras fixtures")
struct KerasForwardFixtureTests {
  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/keras")

  /// "forward/conv3d", "forward-extra/conv2d_channels_first", ...
  static let caseNames: [String] = ["forward", "forward-extra"].flatMap { folder -> [String] in
    guard
      let data = try? Data(
        contentsOf: fixtures.appendingPathComponent(folder).appendingPathComponent("index.json")),
      let index = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let cases = index["cases"] as? [[String: Any]]
    else { return [] }
    return cases.compactMap { ($0["name"] as? String).map { "\(folder)/\($0)" } }
  }

  static func path(_ name: String, _ suffix: String) -> String {
    fixtures.appendingPathComponent("\(name)\(suffix)").path
  }

  static let tolerance: Float = 1e-4

  /// Largest |a - b| relative to the largest |b|.
  static func relativeError(_ actual: Tensor, _ expected: Tensor) -> Float {
    guard actual.shape == expected.shape else { return .infinity }
    let scale = max(expected.scalars.map(abs).max() ?? 0, Float.leastNormalMagnitude)
    return actual.maxAbsoluteDifference(to: expected) / scale
  }

  /// Each output against Keras' (same count, same shape, within `tolerance` relative), naming the
  /// case.
  static func expectOutputs(
    _ outputs: [Tensor], equal expected: [Tensor], case name: String, tolerance: Float = tolerance
  ) {
    #expect(outputs.count == expected.count)
    for (output, reference) in zip(outputs, expected) {
      #expect(output.shape == reference.shape, "\(name): \(output.shape) vs \(reference.shape)")
      let error = relativeError(output, reference)
      #expect(error <= tolerance, "\(name): relative error \(error)")
    }
  }

  /// The fixtures were written by tf-keras, so the cases run as tf-keras (where an `Embedding`
  /// first in a Sequential model declares its input shape; in Keras 3 the model stays unbuilt).
  static func load(_ name: String) throws -> ModelFile {
    try ModelFile.load(
      path: path(name, ".py"),
      runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras2)))
  }

  static func run(_ name: String) throws -> (
    pass: ForwardPass, model: KerasModel, input: Tensor, output: Tensor,
    layers: [LayerMeasurement]
  ) {
    let file = try load(name)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    let model = try #require(file.models().last?.model)
    let weights = try ModelWeights.load(
      npz: path(name, ".weights.npz"), for: model)
    let input = try NPYFormat.read(contentsOf: path(name, ".input.npy"))
    let pass = ForwardPass(model: model, weights: weights, threads: 2)
    let (output, layers) = try pass.measure(input)
    return (pass, model, input, output, layers)
  }

  @Test("fixture index lists the cases")
  func indexIsRead() {
    #expect(Self.caseNames.filter { $0.hasPrefix("forward/") }.count >= 40)
    #expect(Self.caseNames.count >= 52)
  }

  @Test("output equals Keras' within 1e-4 relative", arguments: caseNames)
  func matchesKeras(_ name: String) throws {
    let (_, _, _, output, _) = try Self.run(name)
    let expected = try NPYFormat.read(
      contentsOf: Self.path(name, ".output.npy"))
    let error = Self.relativeError(output, expected)
    #expect(output.shape == expected.shape, "\(name): shape \(output.shape) vs \(expected.shape)")
    #expect(error <= Self.tolerance, "\(name): relative error \(error)")
    if ProcessInfo.processInfo.environment["CONVBOOK_PRINT_ERRORS"] != nil {
      print("forward fixture \(name): relative error \(error)")
    }
  }

  @Test("every layer's output equals Keras'", arguments: caseNames)
  func layersMatchKeras(_ name: String) throws {
    let file = try Self.load(name)
    let model = try #require(file.models().last?.model)
    let weights = try ModelWeights.load(
      npz: Self.path(name, ".weights.npz"), for: model)
    let reference = try NPZArchive(
      contentsOf: Self.path(name, ".layers.npz"))
    var current = try NPYFormat.read(
      contentsOf: Self.path(name, ".input.npy"))
    // Each layer alone on Keras' own input to it, so one error does not hide the next.
    for instance in model.layers where !instance.isInputLayer {
      guard let expected = reference[instance.name] else { continue }
      let single = try SingleLayerModel.make(instance: instance, inputShape: current.shape)
      let output = try ForwardPass(model: single, weights: weights, threads: 1).run(current)
      let error = Self.relativeError(output, expected)
      #expect(error <= Self.tolerance, "\(name)/\(instance.name): relative error \(error)")
      current = expected
    }
  }
}
