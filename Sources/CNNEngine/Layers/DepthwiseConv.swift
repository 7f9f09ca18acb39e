/// `DepthwiseConv1D` and `DepthwiseConv2D`: one kernel per input channel (times `depth_multiplier`).
///
/// Output channels: C_in * depth_multiplier. Parameters: prod(kernel_size) * C_in * depth_multiplier,
/// plus the same number of biases divided by prod(kernel_size).
public struct DepthwiseConv: Layer {
  public let common: LayerCommon
  public let rank: Int
  public let kernelSize: [Int]
  public let strides: [Int]
  public let padding: Padding
  public let depthMultiplier: Int
  public let dataFormat: DataFormat
  public let dilationRate: [Int]
  public let activation: ActivationFunction
  public let useBias: Bool

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
    let arguments = common.arguments
    kernelSize = try arguments.intTuple("kernel_size", count: rank)
    strides = try arguments.intTuple("strides", count: rank, allowZero: true)
    padding = try arguments.padding()
    depthMultiplier = try arguments.int("depth_multiplier")
    dataFormat = try arguments.dataFormat()
    dilationRate = try arguments.intTuple("dilation_rate", count: rank)
    activation = try arguments.activation()
    useBias = try arguments.bool("use_bias")
    try Conv.validate(
      filters: 1, groups: 1, kernelSize: kernelSize, strides: strides, padding: padding,
      dilationRate: dilationRate, allowsCausal: false)
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
    let op = ShapeErrors.depthwise(
      layer: name, separable: false, rank: rank, kernelSize: kernelSize, strides: strides,
      dilationRate: dilationRate, depthMultiplier: depthMultiplier, padding: padding,
      dataFormat: dataFormat, input: input)
    if let failure = ShapeErrors.windowFailure(op, layer: name, className: className, input: input)
    {
      throw failure
    }
    var output = input.dimensions
    for (index, axis) in dataFormat.spatialAxes(rank: input.rank).enumerated() {
      output[axis] = ConvolutionArithmetic.outputLength(
        input[axis], kernel: kernelSize[index], padding: padding, stride: strides[index],
        dilation: dilationRate[index])
    }
    output[channelAxis] = channels * depthMultiplier
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

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) -> Int {
    (output.valuesPerSample ?? 0) * kernelSize.reduce(1, *)
  }
}
