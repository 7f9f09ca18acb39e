/// `Conv1D`, `Conv2D` and `Conv3D`: a learned kernel slid over 1, 2 or 3 spatial axes.
///
/// Output length per spatial axis: valid floor((n - d*(k-1) - 1)/s) + 1, same and causal ceil(n/s).
/// Parameters: prod(kernel_size) * (C_in / groups) * filters + filters (bias).
public struct Conv: Layer {
  public let common: LayerCommon
  public let rank: Int
  public let filters: Int
  public let kernelSize: [Int]
  public let strides: [Int]
  public let padding: Padding
  public let dataFormat: DataFormat
  public let dilationRate: [Int]
  public let groups: Int
  public let activation: ActivationFunction
  public let useBias: Bool

  public var className: String { "Conv\(rank)D" }

  public static func signature(rank: Int) -> LayerSignature {
    let ones: ArgumentValue = rank == 1 ? .int(1) : .tuple(Array(repeating: .int(1), count: rank))
    return LayerSignature(
      "Conv\(rank)D",
      [
        .required("filters"), .required("kernel_size"), .init("strides", ones),
        .init("padding", .string("valid")),
        .init("data_format", rank == 1 ? .string("channels_last") : .none),
        .init("dilation_rate", ones), .init("groups", .int(1)), .init("activation", .none),
        .init("use_bias", .bool(true)), .init("kernel_initializer", .string("glorot_uniform")),
        .init("bias_initializer", .string("zeros")), .init("kernel_regularizer", .none),
        .init("bias_regularizer", .none), .init("activity_regularizer", .none),
        .init("kernel_constraint", .none), .init("bias_constraint", .none),
      ])
  }

  public init(rank: Int, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.rank = rank
    let arguments = common.arguments
    filters = try arguments.int("filters")
    if filters <= 0 {
      throw .value(
        "Invalid value for argument `filters`. Expected a strictly positive value. Received filters=\(filters)."
      )
    }
    kernelSize = try arguments.intTuple("kernel_size", count: rank)
    strides = try arguments.intTuple("strides", count: rank, allowZero: true)
    padding = try arguments.padding(allowCausal: rank == 1)
    dataFormat = try arguments.dataFormat()
    dilationRate = try arguments.intTuple("dilation_rate", count: rank)
    groups = try arguments.int("groups")
    activation = try arguments.activation()
    useBias = try arguments.bool("use_bias")
    try Conv.validate(
      filters: filters, groups: groups, kernelSize: kernelSize, strides: strides, padding: padding,
      dilationRate: dilationRate, allowsCausal: rank == 1)
  }

  /// Keras' `Conv._validate_init`, shared with the other convolution layers.
  static func validate(
    filters: Int, groups: Int, kernelSize: [Int], strides: [Int], padding: Padding,
    dilationRate: [Int], allowsCausal: Bool
  ) throws(KerasError) {
    if groups <= 0 || filters % groups != 0 {
      throw .value(
        "The number of filters must be evenly divisible by the number of groups. Received: groups=\(groups), filters=\(filters)"
      )
    }
    if kernelSize.contains(0) {
      throw .value(
        "The argument `kernel_size` cannot contain 0(s). Received: \(TensorShape.tuple(kernelSize))"
      )
    }
    if strides.contains(0) {
      throw .value(
        "The argument `strides` cannot contains 0(s). Received: \(TensorShape.tuple(strides))")
    }
    if padding == .causal && !allowsCausal {
      // Keras' own message has no space before "and".
      throw .value("Causal padding is only supported for `Conv1D`and `SeparableConv1D`.")
    }
    if strides.max()! > 1 && dilationRate.max()! > 1 {
      throw .value(
        "`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=\(TensorShape.tuple(strides)) and dilation_rate=\(TensorShape.tuple(dilationRate))"
      )
    }
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, atLeast: rank + 2)
    let channelAxis = dataFormat.channelAxis(rank: input.rank)
    let channels = try definedChannels(
      input, axis: channelAxis, reportedAxis: dataFormat == .channelsLast ? -1 : -1 - rank)
    if channels % groups != 0 {
      throw .value(
        "The number of input channels must be evenly divisible by the number of groups. Received groups=\(groups), but the input has \(channels) channels (full input shape is \(input))."
      )
    }
    let spatialAxes = Array(dataFormat.spatialAxes(rank: input.rank).suffix(rank))
    var output = input.dimensions
    for (index, axis) in spatialAxes.enumerated() {
      let length = ConvolutionArithmetic.outputLength(
        input[axis], kernel: kernelSize[index], padding: padding, stride: strides[index],
        dilation: dilationRate[index])
      if let length, length < 0 { throw ShapeErrors.negativeOutput(layer: name, input: input) }
      output[axis] = length
    }
    if padding != .causal,
      let failure = ShapeErrors.windowFailure(
        ShapeErrors.convolution(self, input: input), layer: name, className: className, input: input
      )
    {
      throw failure
    }
    output[channelAxis] = filters
    return TensorShape(output)
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    let channels = input[dataFormat.channelAxis(rank: input.rank)] ?? 0
    var specs = [
      WeightSpec(
        "kernel", kernelSize + [channels / groups, filters],
        initializer: common.arguments["kernel_initializer"])
    ]
    if useBias {
      specs.append(WeightSpec("bias", [filters], initializer: common.arguments["bias_initializer"]))
    }
    return specs
  }

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) -> Int {
    let channels = input[dataFormat.channelAxis(rank: input.rank)] ?? 0
    return (output.valuesPerSample ?? 0) * kernelSize.reduce(1, *) * (channels / groups)
  }
}
