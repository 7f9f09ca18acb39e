import Testing

@testable import CNNEngine

/// Sizes, parameter counts, multiply-accumulates and memory are exact or refused: a count beyond
/// 64 bits is ConvBook's `OverflowError` at the layer (or model) it belongs to, never a wrapped
/// number and never a trap. The cases are the ones a hostile student tried (issue 8).
@Suite("Exact arithmetic: overflow is refused, never wrapped")
struct ExactArithmeticTests {
  typealias Models = AnalysisModels

  static func layer(
    _ className: String, _ positional: [ArgumentValue] = [],
    _ keywords: [(String, ArgumentValue)] = [], names: NameScope
  ) throws -> LayerInstance {
    try Models.layer(className, positional, keywords, names: names)
  }

  /// The error `body` throws, which must be a `KerasError`.
  static func refusal(_ body: () throws -> Void) -> KerasError? {
    do {
      try body()
      return nil
    } catch let error as KerasError {
      return error
    } catch {
      Issue.record("unexpected error \(error)")
      return nil
    }
  }

  @Test("Exact's operations refuse what does not fit")
  func exactOperations() throws {
    #expect(try Exact.product([2, 3, 7]) == 42)
    #expect(try Exact.product([Int]()) == 1)
    #expect(try Exact.product([1 << 40, 1 << 40, 0]) == 0)
    #expect(try Exact.sum([Int.max - 1, 1]) == Int.max)
    #expect(throws: Exact.Overflow.self) { try Exact.product([1 << 32, 1 << 31]) }
    #expect(throws: Exact.Overflow.self) { try Exact.sum([Int.max, 1]) }
    #expect(throws: Exact.Overflow.self) { try Exact.subtract(Int.min, 1) }
    #expect(throws: Exact.Overflow.self) { try Exact.floorDivide(Int.min, -1) }
    #expect(try Exact.floorDivide(-7, 2) == -4)
    #expect(try Exact.floorDivide(7, -2) == -4)
    #expect(try Exact.floorDivide(6, 3) == 2)
  }

  @Test("Conv2D(2**62, 3): the parameter count is refused at the layer, the model keeps its state")
  func hugeConvolution() throws {
    let names = NameScope()
    let model = KerasModel(name: "sequential")
    try model.add(Models.input([28, 28, 1], names: names))
    let conv = try Self.layer("Conv2D", [.int(1 << 62), .int(3)], names: names)
    let error = Self.refusal { try model.add(conv) }
    #expect(error?.type == nil)
    #expect(
      error?.message.hasPrefix("the parameter count of \"conv2d\" overflows 64-bit integers")
        == true)
    #expect(error?.layerIndex == 0)
    #expect(model.layers.isEmpty)
    #expect(try model.countParams() == 0)
    #expect(!conv.isBuilt)
  }

  @Test(
    "Dense(2**62) on 8 inputs overflows; Dense(2**56) is counted exactly and refused as unbuildable"
  )
  func hugeDense() throws {
    let names = NameScope()
    let model = KerasModel(name: "sequential")
    try model.add(Models.input([8], names: names))
    let error = Self.refusal {
      try model.add(Self.layer("Dense", [.int(1 << 62)], names: names))
    }
    #expect(error?.type == nil)
    #expect(error?.message.contains("\"dense\"") == true)
    // 9 * 2**56 float32 weights: Keras allocates them when it builds the layer and runs out of
    // memory, so ConvBook refuses the layer too, with the exact count.
    let unbuildable = Self.refusal {
      try model.add(Self.layer("Dense", [.int(1 << 56)], names: names))
    }
    #expect(unbuildable?.type == nil)
    #expect(
      unbuildable?.message
        == "ConvBook does not build a layer whose weights take more than 16.00 GB: \"dense_1\" would hold \(9 * (1 << 56)) parameters (2359296.00 TB), which Keras allocates when it builds the layer"
    )
    #expect(model.layers.isEmpty)
    // At the limit (16 GiB of weights) the layer is built and counted.
    try model.add(Self.layer("Dense", [.int(1 << 29)], [("use_bias", .bool(false))], names: names))
    #expect(try model.countParams() == 8 * (1 << 29))
    #expect(model.totals.parameterBytes == LayerCounts.weightLimit)
  }

  @Test(
    "a model whose weights exceed the limit is refused at the layer that crosses it; pop restores")
  func modelTotals() throws {
    let names = NameScope()
    let model = KerasModel(name: "big")
    try model.add(Models.input([2], names: names))
    // 2 * 2^30 parameters, 8 GiB: each layer fits, and so do both together (16 GiB).
    try model.add(Self.layer("Dense", [.int(1 << 30)], [("use_bias", .bool(false))], names: names))
    try model.add(Self.layer("Dense", [.int(2)], [("use_bias", .bool(false))], names: names))
    let before = model.totals
    let error = Self.refusal {
      try model.add(Self.layer("Dense", [.int(1)], [("use_bias", .bool(false))], names: names))
    }
    #expect(error?.type == nil)
    #expect(
      error?.message.hasPrefix(
        "ConvBook does not build a model whose weights take more than 16.00 GB: \"big\"") == true)
    #expect(error?.layerIndex == 2)
    #expect(model.layers.count == 2)
    #expect(model.totals == before)
    try model.pop()
    try model.add(Self.layer("Dense", [.int(1)], [("use_bias", .bool(false))], names: names))
    try model.pop()
    #expect(model.totals.parameters == 1 << 31)
  }

  @Test(
    "an input of (2**31,)*3 is refused; Flatten of a 2**64-value map is refused, never (None, 0)")
  func hugeInputs() throws {
    let names = NameScope()
    let model = KerasModel(name: "sequential")
    let error = Self.refusal {
      try model.add(Models.input([1 << 31, 1 << 31, 1 << 31], names: names))
    }
    #expect(error?.type == nil)
    #expect(error?.message.hasPrefix("the input size of \"input") == true)
    #expect(!model.isBuilt)
    // Functional: the input tensor is symbolic; the layer that has to count is refused.
    let input = KerasTensor(
      input: try LayerCatalog.makeInput(
        positional: [], keywords: [("shape", .tuple([.int(1 << 32), .int(1 << 32), .int(1)]))],
        names: names))
    let flatten = try Self.layer("Flatten", names: names)
    let flattenError = Self.refusal { _ = try input.apply(flatten) }
    #expect(flattenError?.type == nil)
    #expect(flattenError?.message.hasPrefix("the output shape of \"flatten\"") == true)
  }

  @Test(
    "every size a layer computes is checked",
    arguments: [
      ("UpSampling2D", [ArgumentValue.int(1 << 62)], [(String, ArgumentValue)]()),
      ("ZeroPadding2D", [.int(Int.max)], []),
      (
        "Conv2D", [.int(1), .int(3)],
        [("padding", .string("same")), ("dilation_rate", .int(1 << 62))]
      ),
      ("Conv2DTranspose", [.int(1), .int(3)], [("strides", .int(1 << 62))]),
      ("DepthwiseConv2D", [.int(3)], [("depth_multiplier", .int(1 << 62))]),
      ("SeparableConv2D", [.int(1), .int(3)], [("depth_multiplier", .int(1 << 62))]),
    ])
  func layerSizes(
    className: String, positional: [ArgumentValue], keywords: [(String, ArgumentValue)]
  )
    throws
  {
    let names = NameScope()
    let model = KerasModel(name: "sequential")
    try model.add(Models.input([8, 8, 3], names: names))
    let error = Self.refusal {
      try model.add(Self.layer(className, positional, keywords, names: names))
    }
    #expect(error?.type == nil, "\(className): \(String(describing: error))")
    #expect(model.layers.isEmpty)
  }

  @Test("Keras' own refusals where Python's integers would not overflow")
  func kerasRefusals() throws {
    let names = NameScope()
    let model = KerasModel(name: "sequential")
    try model.add(Models.input([8, 8, 3], names: names))
    // A target of 2^80 values differs from the input's 192 values.
    let reshape = Self.refusal {
      try model.add(Self.layer("Reshape", [.tuple([.int(1 << 40), .int(1 << 40)])], names: names))
    }
    #expect(reshape?.message.contains("total size of new array must be unchanged") == true)
    // Cropping more than 2^63 pixels crops more than the map.
    let cropping = Self.refusal {
      try model.add(
        Self.layer(
          "Cropping2D",
          [.tuple([.tuple([.int(Int.max), .int(Int.max)]), .tuple([.int(0), .int(0)])])],
          names: names))
    }
    #expect(cropping?.message.contains("must be greater than the input shape") == true)
    // Pooling with a zero stride: TensorFlow's refusal when the layer is called.
    let pooling = Self.refusal {
      try model.add(Self.layer("MaxPooling2D", [.int(2)], [("strides", .int(0))], names: names))
    }
    #expect(pooling?.message.contains("Stride must be > 0, but got 0") == true)
    let depthwise = Self.refusal {
      try model.add(
        Self.layer("DepthwiseConv2D", [.int(3)], [("depth_multiplier", .int(-1))], names: names))
    }
    // Keras 3 refuses a multiplier below 1 when the layer is made, tf-keras when it is built.
    #expect(
      depthwise?.message
        == "Invalid value for argument `depth_multiplier`. Expected a strictly positive value. Received depth_multiplier=-1."
    )
    let legacyNames = NameScope(kerasVersion: .keras2)
    let legacy = KerasModel(name: "sequential")
    try legacy.add(Models.input([8, 8, 3], names: legacyNames))
    let legacyDepthwise = Self.refusal {
      try legacy.add(
        Self.layer(
          "DepthwiseConv2D", [.int(3)], [("depth_multiplier", .int(-1))], names: legacyNames))
    }
    #expect(legacyDepthwise?.message == "Dimension -1 must be >= 0")
    // Negative image sizes (tf-keras 2.21's messages).
    let resizing = Self.refusal {
      try model.add(Self.layer("Resizing", [.int(-5), .int(5)], names: names))
    }
    #expect(resizing?.message == "Dimension -5 must be >= 0")
    let centerCrop = Self.refusal {
      try model.add(Self.layer("CenterCrop", [.int(-1), .int(4)], names: names))
    }
    #expect(centerCrop?.message.contains("\n\ntarget_height must be > 0.\n\n") == true)
    let randomCrop = Self.refusal {
      try model.add(Self.layer("RandomCrop", [.int(4), .int(0)], names: names))
    }
    #expect(randomCrop?.message.contains("\n\ntarget_width must be > 0.\n\n") == true)
    #expect(randomCrop?.message.hasSuffix("\n  • training=True") == true)
    #expect(model.layers.isEmpty)
  }

  @Test("the memory estimate is checked before anything is allocated")
  func memoryEstimate() throws {
    let names = NameScope()
    let model = try Models.model(
      "m",
      [try Models.input([224, 224, 3], names: names), try Self.layer("Flatten", names: names)])
    #expect(throws: ForwardError.self) {
      try ForwardPass.estimate(model: model, batch: 1 << 62)
    }
    do {
      _ = try ForwardPass.estimate(model: model, batch: 1 << 62)
    } catch {
      #expect(error.kind == .memory)
      #expect(error.message.contains("overflows 64-bit integers; refused before allocating"))
    }
    #expect(throws: ForwardError.self) {
      try ForwardPass.estimate(model: model, inputShape: [-1, 224, 224, 3])
    }
    let estimate = try ForwardPass.estimate(model: model, batch: 8)
    #expect(estimate.activationBytes == 4 * (8 * 224 * 224 * 3) * 4)
  }

  @Test("scaling to a size whose counts overflow marks the point invalid, never negative")
  func scalingOverflow() throws {
    let names = NameScope()
    let model = try Models.model(
      "m",
      [
        try Models.input([32, 32, 3], names: names),
        try Self.layer("Conv2D", [.int(1 << 20), .int(3)], names: names),
      ])
    let scaling = try ParameterScaling(models: [model], sizes: [32, 1_000_000_000])
    let points = scaling.series[0].points
    #expect(points[0].isValid)
    #expect(!points[1].isValid)
    #expect(points[1].invalidReason?.contains("overflow 64-bit integers") == true)
  }
}

extension ExactArithmeticTests {
  /// A model of Input((8, 8, 3)) -> `className` with `keywords`, its own name scope.
  static func strided(_ className: String, _ positional: [ArgumentValue], stride: Int) throws
    -> KerasModel
  {
    let names = NameScope()
    return try Models.model(
      "m",
      [
        try Models.input([8, 8, 3], names: names),
        try layer(className, positional, [("strides", .int(stride))], names: names),
      ])
  }

  @Test(
    "a stride beyond the input runs as the one window it leaves, without huge offsets",
    arguments: [("Conv2D", [ArgumentValue.int(2), .int(3)]), ("MaxPooling2D", [.int(3)])])
  func hugeStrideRuns(className: String, positional: [ArgumentValue]) throws {
    let huge = try Self.strided(className, positional, stride: 1 << 62)
    let plain = try Self.strided(className, positional, stride: 8)
    let input = SeededInput.batch(for: huge, batch: 2, seed: 1)
    func run(_ model: KerasModel) throws -> Tensor {
      try ForwardPass(model: model, weights: ModelWeights.initialized(for: model, seed: 4)).run(
        input)
    }
    let output = try run(huge)
    #expect(output.shape == [2, 1, 1, className == "Conv2D" ? 2 : 3])
    #expect(output == (try run(plain)))
  }
}
