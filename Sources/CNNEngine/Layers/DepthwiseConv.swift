/// `DepthwiseConv1D` and `DepthwiseConv2D`: one kernel per input channel (times `depth_multiplier`).
///
/// Output channels: C_in * depth_multiplier. Parameters: prod(kernel_size) * C_in * depth_multiplier,
/// plus the same number of biases divided by prod(kernel_size).
public struct DepthwiseConv: ConvolutionLayer, WeightAttributeLayer {
  public let common: LayerCommon
  public let rank: Int
  public let depthMultiplier: Int
  public let settings: ConvolutionSettings

  public var className: String { "DepthwiseConv\(rank)D" }

  public static func signature(rank: Int) -> LayerSignature {
    let ones: ArgumentValue = rank == 1 ? .int(1) : .tuple(Array(repeating: .int(1), count: rank))
    return LayerSignature(
      "DepthwiseConv\(rank)D",
      [
        .required("kernel_size"), .init("strides", ones), .init("padding", .string("valid")),
        .init("depth_multiplier", .int(1)), .init("data_format", .none),
        .init("dilation_rate", ones), .init("activation", .none), .init("use_bias", .bool(true)),
        .init("depthwise_initializer", .string("glorot_uniform")),
        .init("bias_initializer", .string("zeros")), .init("depthwise_regularizer", .none),
        .init("bias_regularizer", .none), .init("activity_regularizer", .none),
        .init("depthwise_constraint", .none), .init("bias_constraint", .none),
      ])
  }

  public init(rank: Int, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.rank = rank
    settings = try ConvolutionSettings(
      common.arguments, rank: rank, allowsCausal: false, version: common.kerasVersion)
    depthMultiplier = try ConvolutionSettings.depthMultiplier(
      common.arguments, version: common.kerasVersion)
    try settings.validate(filters: 1, groups: 1, allowsCausal: false)
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, atLeast: rank + 2)
    if input.rank != rank + 2 {
      throw .value(
        "Inputs to `DepthwiseConv` should have rank \(rank + 2). Received input_shape=\(input).")
    }
    let channelAxis = dataFormat.channelAxis(rank: input.rank)
    let channels = try definedChannels(
      input, axis: channelAxis, reportedAxis: dataFormat == .channelsLast ? -1 : -1 - rank,
      of: "DepthwiseConv")
    let (kernelOutputs, overflow) = channels.multipliedReportingOverflow(by: depthMultiplier)
    if common.kerasVersion == .keras3, !overflow,
      let refusal = Keras3ShapeErrors.convolution(
        input: input, kernelSize: kernelSize, filters: kernelOutputs, strides: strides,
        dilationRate: dilationRate, padding: padding, dataFormat: dataFormat)
    {
      throw refusal
    }
    let op = try exactly("output shape") { () throws(Exact.Overflow) in
      try ShapeErrors.depthwise(
        layer: name, separable: false, rank: rank, kernelSize: kernelSize, strides: strides,
        dilationRate: dilationRate, depthMultiplier: depthMultiplier, padding: padding,
        dataFormat: dataFormat, input: input)
    }
    if let failure = ShapeErrors.windowFailure(op, layer: name, className: className, input: input)
    {
      throw failure
    }
    if depthMultiplier < 0 {
      // Keras creates the kernel (kernel..., channels, depth_multiplier) in `build`.
      throw .value("Dimension \(depthMultiplier) must be >= 0")
    }
    try ShapeErrors.requireInt32(
      ["strides": strides, "dilation_rate": dilationRate], layer: name,
      version: common.kerasVersion)
    let output = try exactly("output shape") { () throws(Exact.Overflow) in
      var output = try settings.slidingOutput(input)
      output[channelAxis] = try Exact.multiply(channels, depthMultiplier)
      return output
    }
    return TensorShape(output)
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    let channels = input[dataFormat.channelAxis(rank: input.rank)] ?? 0
    var specs = [
      WeightSpec(
        "depthwise_kernel", kernelSize + [channels, depthMultiplier],
        initializer: common.arguments["depthwise_initializer"])
    ]
    if useBias {
      specs.append(
        WeightSpec(
          "bias", [channels * depthMultiplier], initializer: common.arguments["bias_initializer"]))
    }
    return specs
  }

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    try Exact.multiply(output.exactValuesPerSample() ?? 0, Exact.product(kernelSize))
  }
}

// MARK: Forward pass

extension DepthwiseConv {
  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  /// tf-keras' `DepthwiseConv1D` reaches TensorFlow's NCHW depthwise kernel, which the CPU lacks;
  /// its `DepthwiseConv2D` and both of Keras 3's run.
  public func channelsFirstFailsOnCPU(keras3: Bool) -> Bool { !keras3 && rank == 1 }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(
      .depthwise(
        kernel: try preparation.weight("depthwise_kernel"),
        bias: try preparation.optionalWeight("bias", useBias), strides: strides,
        dilations: dilationRate, padding: padding, activation: activation),
      channelsFirst: dataFormat == .channelsFirst)
  }
}

// MARK: Training

extension DepthwiseConv {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(
      .convolution(
        groups: try preparation.depthwiseChannels(dataFormat, "DepthwiseConv"), strides: strides,
        dilations: dilationRate, padding: padding,
        activation: try preparation.activation(activation)),
      depthwise: true)
  }
}

// MARK: Settings

extension DepthwiseConv {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "depth_multiplier": .int(depthMultiplier)
    default: convolutionSetting(name)
    }
  }
}

// MARK: Python attributes

extension DepthwiseConv {
  /// `depthwise_kernel` and `bias`.
  public var weightAttributeNames: [String] { ["depthwise_kernel", "bias"] }
}
