import Foundation
import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("Forward pass: hand-computed cases, determinism, memory budget")
struct ForwardPassTests {
  typealias Models = AnalysisModels

  /// A one-layer model on `sample`, with weights given by variable name.
  static func single(
    _ className: String, _ positional: [ArgumentValue] = [],
    _ keywords: [(String, ArgumentValue)] = [], sample: [Int], weights: [String: Tensor] = [:]
  ) throws -> ForwardPass {
    let names = NameScope(kerasVersion: .keras2)
    let model = try Models.model(
      "single",
      [
        try Models.input(sample, names: names),
        try Models.layer(className, positional, keywords, names: names),
      ])
    let layerName = model.layers.last!.name
    var tensors: [String: Tensor] = [:]
    for (name, tensor) in weights { tensors["\(layerName)/\(name)"] = tensor }
    return ForwardPass(
      model: model, weights: ModelWeights(names: Array(tensors.keys), tensors: tensors),
      threads: 2)
  }

  static func tensor(_ shape: [Int], _ values: [Float]) throws -> Tensor {
    try Tensor(shape: shape, scalars: values)
  }

  @Test("Conv2D 2x2 of ones plus bias on 1...9")
  func conv2D() throws {
    let pass = try Self.single(
      "Conv2D", [.int(1), .int(2)], sample: [3, 3, 1],
      weights: [
        "kernel": try Tensor(shape: [2, 2, 1, 1], repeating: 1), "bias": Tensor([0.5]),
      ])
    let output = try pass.run(try Self.tensor([1, 3, 3, 1], (1...9).map(Float.init)))
    #expect(output.shape == [1, 2, 2, 1])
    #expect(output.scalars == [12.5, 16.5, 24.5, 28.5])
  }

  @Test("Conv1D 'same' with stride 2 pads one zero on each side")
  func conv1DSameStrided() throws {
    let pass = try Self.single(
      "Conv1D", [.int(1), .int(3)], [("strides", .int(2)), ("padding", .string("same"))],
      sample: [5, 1],
      weights: ["kernel": try Tensor(shape: [3, 1, 1], repeating: 1), "bias": Tensor([0])])
    let output = try pass.run(try Self.tensor([1, 5, 1], [1, 2, 3, 4, 5]))
    #expect(output.scalars == [3, 9, 9])
  }

  @Test("causal dilated Conv1D sees only the past")
  func causal() throws {
    let pass = try Self.single(
      "Conv1D", [.int(1), .int(2)],
      [("padding", .string("causal")), ("dilation_rate", .int(2)), ("use_bias", .bool(false))],
      sample: [4, 1], weights: ["kernel": try Self.tensor([2, 1, 1], [1, 10])])
    let output = try pass.run(try Self.tensor([1, 4, 1], [1, 2, 3, 4]))
    // out[t] = 1 * x[t - 2] + 10 * x[t]
    #expect(output.scalars == [10, 20, 31, 42])
  }

  @Test("MaxPooling2D and AveragePooling2D 'same' (padding excluded from the average)")
  func pooling() throws {
    let input = try Self.tensor([1, 3, 3, 1], (1...9).map(Float.init))
    let maximum = try Self.single("MaxPooling2D", sample: [3, 3, 1]).run(input)
    #expect(maximum.scalars == [5])
    let average = try Self.single(
      "AveragePooling2D", [], [("padding", .string("same"))], sample: [3, 3, 1]
    ).run(input)
    // Windows {1,2,4,5}, {3,6}, {7,8}, {9}.
    #expect(average.scalars == [3, 4.5, 7.5, 9])
  }

  @Test("BatchNormalization uses the moving statistics and epsilon")
  func batchNormalization() throws {
    let pass = try Self.single(
      "BatchNormalization", [], [("epsilon", .float(0.5))], sample: [2],
      weights: [
        "gamma": Tensor([2, 1]), "beta": Tensor([1, 0]), "moving_mean": Tensor([3, 0]),
        "moving_variance": Tensor([3.5, 0.5]),
      ])
    let output = try pass.run(try Self.tensor([2, 2], [5, 1, 3, -2]))
    // channel 0: (x - 3) / sqrt(4) * 2 + 1; channel 1: x / sqrt(1).
    #expect(output.scalars == [3, 1, 1, -2])
  }

  @Test("Flatten of channels-first data moves channels last first, as tf-keras does")
  func flattenChannelsFirst() throws {
    // (C, H, W) = (2, 2, 3), value c*100 + h*10 + w.
    var values: [Float] = []
    for c in 0..<2 {
      for h in 0..<2 { for w in 0..<3 { values.append(Float(c * 100 + h * 10 + w)) } }
    }
    let input = try Self.tensor([1, 2, 2, 3], values)
    let first = try Self.single(
      "Flatten", [], [("data_format", .string("channels_first"))], sample: [2, 2, 3]
    ).run(input)
    #expect(first.scalars == [0, 100, 1, 101, 2, 102, 10, 110, 11, 111, 12, 112])
    let last = try Self.single("Flatten", sample: [2, 2, 3]).run(input)
    #expect(last.scalars == values)
  }

  @Test("a channels-first Conv2D equals the channels-last one on transposed data")
  func channelsFirstConvolution() throws {
    let kernel = SeededInput.tensor(shape: [3, 3, 2, 5], seed: 1)
    let bias = SeededInput.tensor(shape: [5], seed: 2)
    let input = SeededInput.tensor(shape: [2, 6, 7, 2], seed: 3)
    let last = try Self.single(
      "Conv2D", [.int(5), .int(3)], [("padding", .string("same")), ("strides", .int(2))],
      sample: [6, 7, 2], weights: ["kernel": kernel, "bias": bias]
    ).run(input)
    let first = try Self.single(
      "Conv2D", [.int(5), .int(3)],
      [
        ("padding", .string("same")), ("strides", .int(2)),
        ("data_format", .string("channels_first")),
      ], sample: [2, 6, 7], weights: ["kernel": kernel, "bias": bias]
    ).run(try PermuteKernel.permute(input, dims: [3, 1, 2]))
    #expect(first.shape == [2, 5, 3, 4])
    #expect(try PermuteKernel.permute(first, dims: [2, 3, 1]) == last)
  }

  @Test("Dense with ReLU, then softmax, by hand")
  func denseSoftmax() throws {
    let names = NameScope(kerasVersion: .keras2)
    let model = try Models.model(
      "dense",
      [
        try Models.input([2], names: names),
        try Models.layer("Dense", [.int(2)], [("activation", .string("relu"))], names: names),
        try Models.layer("Dense", [.int(2)], [("activation", .string("softmax"))], names: names),
      ])
    let weights = ModelWeights(
      names: [],
      tensors: [
        "dense/kernel": try Self.tensor([2, 2], [1, -1, 2, 1]), "dense/bias": Tensor([0, 0]),
        "dense_1/kernel": try Self.tensor([2, 2], [1, 0, 0, 1]), "dense_1/bias": Tensor([0, 0]),
      ])
    let output = try ForwardPass(model: model, weights: weights).run(
      try Self.tensor([1, 2], [1, 1]))
    // hidden = relu([1 + 2, -1 + 1]) = [3, 0]; softmax([3, 0]).
    let e = Float(exp(3.0))
    #expect(abs(output.scalars[0] - e / (e + 1)) < 1e-6)
    #expect(abs(output.scalars[1] - 1 / (e + 1)) < 1e-6)
  }

  @Test("Rescaling, Dropout, Reshape and Permute")
  func shapeLayers() throws {
    let input = try Self.tensor([1, 2, 3], [0, 51, 102, 153, 204, 255])
    let scaled = try Self.single("Rescaling", [.float(1.0 / 255)], sample: [2, 3]).run(input)
    #expect(scaled.scalars.map { ($0 * 5).rounded() } == [0, 1, 2, 3, 4, 5])
    #expect(try Self.single("Dropout", [.float(0.5)], sample: [2, 3]).run(input) == input)
    let reshaped = try Self.single("Reshape", [.tuple([.int(3), .int(-1)])], sample: [2, 3]).run(
      input)
    #expect(reshaped.shape == [1, 3, 2] && reshaped.scalars == input.scalars)
    let permuted = try Self.single("Permute", [.tuple([.int(2), .int(1)])], sample: [2, 3]).run(
      input)
    #expect(permuted.shape == [1, 3, 2] && permuted.scalars == [0, 153, 51, 204, 102, 255])
  }

  @Test("Rescaling with one scale per channel (Keras 3's EfficientNet), and its limits")
  func perChannelRescaling() throws {
    let input = try Self.tensor([1, 2, 3], [1, 2, 3, 4, 5, 6])
    let scales: ArgumentValue = .list([.float(0.5), .int(2), .float(-1)])
    let scaled = try Self.single("Rescaling", [scales], sample: [2, 3]).run(input)
    #expect(scaled.scalars == [0.5, 4, -3, 2, 10, -6])
    #expect(throws: ForwardError.self) {
      try Self.single("Rescaling", [.list([.float(1), .float(2)])], sample: [2, 3]).run(input)
    }
    #expect(throws: ForwardError.self) {
      try Self.single("Rescaling", [scales], [("offset", .float(1))], sample: [2, 3]).run(input)
    }
  }

  static func mediumModel() throws -> KerasModel {
    try Models.seed(flatten: true, side: 40, filters: [16, 32], units: [24, 12])
  }

  @Test("bitwise identical run to run and for 1, 2 and 3 threads, statistics included")
  func deterministic() throws {
    let model = try Self.mediumModel()
    let weights = try ModelWeights.initialized(for: model, seed: 11)
    let input = SeededInput.batch(for: model, batch: 3, seed: 12)
    let reference = try ForwardPass(model: model, weights: weights, threads: 1).measure(input)
    for threads in [1, 2, 3] {
      let pass = ForwardPass(model: model, weights: weights, threads: threads)
      for _ in 0..<2 {
        let (output, layers) = try pass.measure(input)
        #expect(output.scalars.map(\.bitPattern) == reference.output.scalars.map(\.bitPattern))
        #expect(layers.map(\.statistics) == reference.layers.map(\.statistics))
        #expect(try pass.run(input) == output)
      }
    }
  }

  @Test("measure reports every layer in order, with ReLU zeros and the output's statistics")
  func measurements() throws {
    let model = try Self.mediumModel()
    let pass = ForwardPass(model: model, weights: try ModelWeights.initialized(for: model, seed: 1))
    let (output, layers) = try pass.measure(SeededInput.batch(for: model, batch: 2, seed: 1))
    #expect(layers.map(\.layerName) == model.layers.map(\.name))
    #expect(layers.allSatisfy { $0.seconds >= 0 })
    let firstConvolution = layers[0].statistics
    #expect(firstConvolution.minimum == 0 && firstConvolution.zeroFraction > 0)
    let last = try #require(layers.last).statistics
    #expect(last.minimum == output.scalars.min() && last.maximum == output.scalars.max())
    // Softmax rows sum to one, so the mean is 1/10.
    #expect(abs(last.mean - 0.1) < 1e-6)
  }

  @Test("an input of the wrong shape is refused as Keras refuses it")
  func wrongInput() throws {
    let model = try Self.mediumModel()
    let pass = ForwardPass(model: model, weights: try ModelWeights.initialized(for: model, seed: 1))
    let error = #expect(throws: ForwardError.self) {
      try pass.run(try Tensor(shape: [1, 28, 28, 1]))
    }
    #expect(error?.kind == .input)
    #expect(
      error?.message
        == "Input 0 of layer \"flatten_head\" is incompatible with the layer: expected shape=(None, 40, 40, 3), found shape=(1, 28, 28, 1)"
    )
  }

  @Test("a pass over the memory budget is refused before the weights are even packed")
  func memoryBudget() throws {
    let model = try Models.seed(flatten: true)
    let estimate = try ForwardPass.estimate(model: model, batch: 1)
    // The seed model's Dense(64) on 179,776 values: 46 MB of weights and as many packed.
    #expect(estimate.weightBytes == 11_574_090 * 4)
    #expect(estimate.packedWeightBytes > estimate.weightBytes * 99 / 100)
    #expect(estimate.totalBytes < 200 << 20)
    // No weights at all: a pass that prepared anything would fail on them, not on memory.
    let pass = ForwardPass(
      model: model, weights: ModelWeights(names: [], tensors: [:]), memoryBudget: 64 << 20)
    let error = #expect(throws: ForwardError.self) {
      try pass.run(SeededInput.batch(for: model, batch: 1, seed: 0))
    }
    #expect(error?.kind == .memory)
    #expect(error?.message.contains("would need an estimated") == true)
    #expect(error?.message.contains("more than the memory budget of 64.00 MB") == true)
    let big = try ForwardPass.estimate(model: model, batch: 2000)
    #expect(big.totalBytes > ForwardPass.defaultMemoryBudget)
  }
}
