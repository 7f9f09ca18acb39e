import CNNEngine
import Foundation
import Testing

/// The statistics a measured trace attaches to its steps. Seeded weights give numbers nobody can
/// compute by hand, so these tests check what must hold whatever the weights (a ReLU never outputs
/// a negative, a softmax row sums to one, Flatten and Dropout copy their input), and compare against
/// tf-keras' own layer outputs where a fixture has them.
@Suite struct TraceMeasurementTests {
  static func measured(_ model: KerasModel, threads: Int? = nil) throws -> ShapeTrace {
    var trace = try ShapeTrace(model: model)
    trace.measure(model, threads: threads)
    return trace
  }

  static func statistics(_ trace: ShapeTrace) throws -> [String: ActivationStatistics] {
    var result: [String: ActivationStatistics] = [:]
    for step in trace.steps {
      let statistics = try #require(step.statistics, "\(step.name)")
      result[step.name] = statistics
    }
    return result
  }

  /// The seed recipe at 32x32: every layer measured, and the invariants of each kind of layer.
  @Test func seededPassKeepsTheInvariantsOfEachLayer() throws {
    let trace = try Self.measured(
      try AnalysisModels.seed(flatten: true, side: 32, filters: [8, 16], units: [32, 16]))
    #expect(trace.measurement?.failure == nil)
    #expect(trace.measurement?.weights == .initialized(seed: TraceMeasurement.defaultSeed))
    #expect(trace.isMeasured)
    let stats = try Self.statistics(trace)
    // The input is uniform in [0, 1).
    let input = try #require(stats["input_1"])
    #expect(input.minimum >= 0 && input.maximum < 1)
    #expect(abs(input.mean - 0.5) < 0.05)
    // ReLU outputs: never negative, and some exact zeros.
    for name in ["conv2d", "conv2d_1", "conv2d_2", "conv2d_3", "dense", "dense_1"] {
      let relu = try #require(stats[name])
      #expect(relu.minimum == 0, "\(name)")
      #expect(relu.zeroFraction > 0 && relu.zeroFraction < 1, "\(name)")
      #expect(relu.mean > 0, "\(name)")
    }
    // 2x2 max pooling over a map it tiles exactly: a window is zero only when all four values are.
    for (pool, before) in [("max_pooling2d", "conv2d_1"), ("max_pooling2d_1", "conv2d_3")] {
      #expect(stats[pool]!.minimum >= 0)
      #expect(stats[pool]!.zeroFraction <= stats[before]!.zeroFraction)
      #expect(stats[pool]!.maximum == stats[before]!.maximum)
    }
    // BatchNormalization with its initial moving statistics divides by sqrt(1 + 0.001).
    let scale = Float(1 / (1.001).squareRoot())
    for (norm, before) in [
      ("batch_normalization", "max_pooling2d"), ("batch_normalization_1", "max_pooling2d_1"),
    ] {
      #expect(stats[norm]!.zeroFraction == stats[before]!.zeroFraction)
      #expect(abs(stats[norm]!.maximum - stats[before]!.maximum * scale) < 1e-5)
    }
    // Flatten reorders nothing it counts; Dropout is the identity at inference.
    #expect(stats["flatten"] == stats["batch_normalization_1"])
    #expect(stats["dropout"] == stats["flatten"])
    // Softmax: every value in [0, 1], ten of them summing to one, so the mean is 0.1.
    let softmax = try #require(stats["dense_2"])
    #expect(softmax.minimum >= 0 && softmax.maximum <= 1)
    #expect(abs(softmax.mean - 0.1) < 1e-6)
    // Every layer has a time; the input took none.
    #expect(trace.steps[0].seconds == nil)
    #expect(trace.steps.dropFirst().allSatisfy { ($0.seconds ?? -1) >= 0 })
    #expect((trace.measurement?.seconds ?? -1) >= 0)
  }

  /// Pages must not change from build to build: the same statistics, bit for bit, however many
  /// threads ran the pass.
  @Test func statisticsAreReproducible() throws {
    let model = try AnalysisModels.seed(flatten: false, side: 24, filters: [4, 8])
    let first = try Self.statistics(try Self.measured(model, threads: 1))
    let second = try Self.statistics(try Self.measured(model, threads: 2))
    let again = try Self.statistics(try Self.measured(model))
    #expect(first == second)
    #expect(first == again)
  }

  /// The seed recipe's tf-keras fixture: weights and input exported from Keras, and every layer's
  /// output as Keras computed it. Our statistics must describe the same tensors.
  @Test func statisticsMatchKerasLayerOutputs() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/keras/forward")
    let model = try AnalysisModels.seed(
      flatten: true, side: 18, filters: [4, 8], units: [16, 8])
    let weights = try ModelWeights.load(
      npz: folder.appendingPathComponent("seed_small.weights.npz").path, for: model)
    let input = try NPYFormat.read(
      contentsOf: folder.appendingPathComponent("seed_small.input.npy").path)
    let outputs = try NPZArchive(
      contentsOf: folder.appendingPathComponent("seed_small.layers.npz").path)
    var trace = try ShapeTrace(model: model)
    trace.measure(model, weights: (weights, "seed_small.weights.npz"), input: input)
    #expect(trace.measurement?.failure == nil)
    #expect(trace.measurement?.inputSeed == nil)
    #expect(trace.measurement?.provenance.contains("the weights in seed_small.weights.npz") == true)
    for step in trace.steps.dropFirst() {
      let keras = try #require(outputs[step.name + ".npy"] ?? outputs[step.name], "\(step.name)")
      let ours = try #require(step.statistics, "\(step.name)")
      let scale = max(keras.scalars.map { abs($0) }.max() ?? 1, 1e-6)
      let minimum = keras.scalars.min()!
      let maximum = keras.scalars.max()!
      let mean = keras.scalars.reduce(0.0) { $0 + Double($1) } / Double(keras.count)
      let zeros = Float(keras.scalars.filter { $0 == 0 }.count) / Float(keras.count)
      #expect(abs(ours.minimum - minimum) <= 1e-4 * scale, "\(step.name) min")
      #expect(abs(ours.maximum - maximum) <= 1e-4 * scale, "\(step.name) max")
      #expect(abs(Double(ours.mean) - mean) <= 1e-4 * Double(scale), "\(step.name) mean")
      // A pre-activation within rounding of zero may land on either side in another engine.
      #expect(abs(ours.zeroFraction - zeros) <= 0.02, "\(step.name) zeros")
    }
  }

  /// Weights alone over the memory budget: refused before anything is drawn, the shapes intact.
  @Test func passOverTheMemoryBudgetLeavesTheShapes() throws {
    let names = NameScope(kerasVersion: .keras2)
    let model = try AnalysisModels.model(
      "huge",
      [
        try AnalysisModels.input([4096], names: names),
        try AnalysisModels.layer("Dense", [.int(150_000)], names: names),
      ])
    let shapes = try ShapeTrace(model: model)
    let trace = try Self.measured(model)
    let failure = try #require(trace.measurement?.failure)
    #expect(failure.contains("memory budget"))
    #expect(!trace.isMeasured)
    #expect(trace.steps.allSatisfy { $0.statistics == nil && $0.seconds == nil })
    #expect(trace.steps.map(\.outputShape) == shapes.steps.map(\.outputShape))
    #expect(trace.totalParameters == 4096 * 150_000 + 150_000)
  }

  /// Unknown spatial sizes: the trace says so instead of inventing a size the shapes do not show.
  @Test func inputOfUnknownSizeIsNotMeasured() throws {
    let names = NameScope(kerasVersion: .keras2)
    let model = try AnalysisModels.model(
      "any_size",
      [
        LayerInstance(
          try LayerCatalog.makeInput(
            positional: [], keywords: [("shape", .tuple([.none, .none, .int(3)]))], names: names)),
        try AnalysisModels.layer("Conv2D", [.int(4), .int(3)], names: names),
      ])
    let trace = try Self.measured(model)
    #expect(trace.measurement?.failure?.contains("unknown size") == true)
    #expect(trace.steps.allSatisfy { $0.statistics == nil })
  }
}
