/// `SeparableConv1D` and `SeparableConv2D`: a depthwise convolution followed by a 1x1 pointwise one.
///
/// Parameters: prod(kernel_size) * C_in * depth_multiplier + C_in * depth_multiplier * filters
/// + filters (bias).
public struct SeparableConv: ConvolutionLayer, WeightAttributeLayer {
  public let common: LayerCommon
  public let rank: Int
  public let filters: Int
  public let depthMultiplier: Int
  public let settings: ConvolutionSettings

  public var className: String { "SeparableConv\(rank)D" }

  public static func signature(rank: Int) -> LayerSignature {
    let ones: ArgumentValue = rank == 1 ? .int(1) : .tuple(Array(repeating: .int(1), count: rank))
    return LayerSignature(
      "SeparableConv\(rank)D",
      [
        .required("filters"), .required("kernel_size"), .init("strides", ones),
        .init("padding", .string("valid")), .init("data_format", .none),
        .init("dilation_rate", ones), .init("depth_multiplier", .int(1)),
        .init("activation", .none), .init("use_bias", .bool(true)),
        .init("depthwise_initializer", .string("glorot_uniform")),
        .init("pointwise_initializer", .string("glorot_uniform")),
        .init("bias_initializer", .string("zeros")), .init("depthwise_regularizer", .none),
        .init("pointwise_regularizer", .none), .init("bias_regularizer", .none),
        .init("activity_regularizer", .none), .init("depthwise_constraint", .none),
        .init("pointwise_constraint", .none), .init("bias_constraint", .none),
      ])
  }

  public init(rank: Int, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.rank = rank
    // Keras 3 checks `depth_multiplier` before `filters`, both after the tuples.
    if common.kerasVersion == .keras3 {
      settings = try ConvolutionSettings(
        common.arguments, rank: rank, allowsCausal: rank == 1, version: common.kerasVersion)
      depthMultiplier = try ConvolutionSettings.depthMultiplier(
        common.arguments, version: common.kerasVersion)
      filters = try ConvolutionSettings.filters(common.arguments)
    } else {
      filters = try ConvolutionSettings.filters(common.arguments)
      settings = try ConvolutionSettings(
        common.arguments, rank: rank, allowsCausal: rank == 1, version: common.kerasVersion)
      depthMultiplier = try common.arguments.int("depth_multiplier")
    }
    try settings.validate(filters: filters, groups: 1, allowsCausal: rank == 1)
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, atLeast: rank + 2)
    let channelAxis = dataFormat.channelAxis(rank: input.rank)
    let channels = try definedChannels(
      input, axis: channelAxis, reportedAxis: dataFormat == .channelsLast ? -1 : -1 - rank)
    if common.kerasVersion == .keras3,
      let refusal = Keras3ShapeErrors.convolution(
        input: input, kernelSize: kernelSize, filters: filters, strides: strides,
        dilationRate: dilationRate, padding: padding, dataFormat: dataFormat)
    {
      throw refusal
    }
    // Causal padding pads the input first, so the window always fits.
    let op = try exactly("output shape") { () throws(Exact.Overflow) in
      try ShapeErrors.depthwise(
        layer: name, separable: true, rank: rank, kernelSize: kernelSize, strides: strides,
        dilationRate: dilationRate, depthMultiplier: depthMultiplier,
        padding: padding == .causal ? .same : padding, dataFormat: dataFormat, input: input)
    }
    if let failure = ShapeErrors.windowFailure(op, layer: name, className: className, input: input)
    {
      throw failure
    }
    if common.kerasVersion == .keras2, channels == 0 {
      // TensorFlow refuses the pointwise convolution after the depthwise one (hostile batch8).
      throw .limitation(
        "ConvBook does not support \(className) on an input with no channels in tf-keras yet (\"\(name)\" on \(input)): TensorFlow refuses its pointwise convolution"
      )
    }
    if depthMultiplier < 0 {
      // Keras creates the depthwise kernel (kernel..., channels, depth_multiplier) in `build`.
      throw .value("Dimension \(depthMultiplier) must be >= 0")
    }
    try ShapeErrors.requireInt32(
      ["strides": strides, "dilation_rate": dilationRate], layer: name,
      version: common.kerasVersion)
    var output = try exactly("output shape") { () throws(Exact.Overflow) in
      // The pointwise kernel's shape (`weights`) holds channels * depth_multiplier.
      _ = try Exact.multiply(channels, depthMultiplier)
      return try settings.slidingOutput(input)
    }
    output[channelAxis] = filters
    return TensorShape(output)
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    let channels = input[dataFormat.channelAxis(rank: input.rank)] ?? 0
    let arguments = common.arguments
    var specs = [
      WeightSpec(
        "depthwise_kernel", kernelSize + [channels, depthMultiplier],
        initializer: arguments["depthwise_initializer"]),
      WeightSpec(
        "pointwise_kernel",
        Array(repeating: 1, count: rank) + [channels * depthMultiplier, filters],
        initializer: arguments["pointwise_initializer"]),
    ]
    if useBias {
      specs.append(WeightSpec("bias", [filters], initializer: arguments["bias_initializer"]))
    }
    return specs
  }

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    let channels = input[dataFormat.channelAxis(rank: input.rank)] ?? 0
    let positions = try (output.exactValuesPerSample() ?? 0) / max(filters, 1)
    return try Exact.product([
      positions, channels, depthMultiplier, Exact.add(Exact.product(kernelSize), filters),
    ])
  }
}

// MARK: Forward pass

extension SeparableConv {
  /// The pointwise kernel in blocks of 16 filters; the depthwise one is read as it is.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  {
    try ForwardPlan.blockedValues(
      kernel: ForwardPlan.shape("pointwise_kernel", in: weights), groups: 1)
  }

  /// tf-keras' depthwise step of `SeparableConv1D`/`SeparableConv2D` is TensorFlow's NCHW
  /// depthwise convolution, which its CPU kernel lacks; Keras 3's runs.
  public func channelsFirstFailsOnCPU(keras3: Bool) -> Bool { !keras3 }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    let pointwise = try preparation.weight("pointwise_kernel")
    let bias = try preparation.optionalWeight("bias", useBias)
    let packed = try preparation.packing { () throws(KernelError) in
      try PackedConvolutionWeights(kernel: pointwise, bias: bias)
    }
    return .step(
      .separable(
        depthwise: try preparation.weight("depthwise_kernel"), pointwise: packed,
        strides: strides, dilations: dilationRate, padding: padding, activation: activation),
      channelsFirst: dataFormat == .channelsFirst)
  }
}

// MARK: Training

extension SeparableConv {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(
      .separable(
        groups: try preparation.depthwiseChannels(dataFormat, "SeparableConv"), strides: strides,
        dilations: dilationRate, padding: padding,
        activation: try preparation.activation(activation)),
      depthwise: true)
  }
}

// MARK: Settings

extension SeparableConv {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "filters": .size(filters, given: common.arguments["filters"])
    case "depth_multiplier": .int(depthMultiplier)
    default: convolutionSetting(name)
    }
  }
}

// MARK: Python attributes

extension SeparableConv {
  /// `depthwise_kernel`, `pointwise_kernel` and `bias`.
  public var weightAttributeNames: [String] { ["depthwise_kernel", "pointwise_kernel", "bias"] }
}
