/// `Conv1D`, `Conv2D` and `Conv3D`: a learned kernel slid over 1, 2 or 3 spatial axes.
///
/// Output length per spatial axis: valid floor((n - d*(k-1) - 1)/s) + 1, same and causal ceil(n/s).
/// Parameters: prod(kernel_size) * (C_in / groups) * filters + filters (bias).
public struct Conv: ConvolutionLayer {
  public let common: LayerCommon
  public let rank: Int
  public let filters: Int
  public let groups: Int
  public let settings: ConvolutionSettings

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
    filters = try ConvolutionSettings.filters(common.arguments)
    settings = try ConvolutionSettings(
      common.arguments, rank: rank, allowsCausal: rank == 1, version: common.kerasVersion)
    let given = try common.arguments.int("groups")
    // Keras 3 refuses a size below 1 before anything else of `groups`; tf-keras' `groups or 1`
    // reads 0 as 1.
    if common.kerasVersion == .keras3, given <= 0 {
      throw .value("The number of groups must be a positive integer. Received: groups=\(given).")
    }
    groups = given == 0 ? 1 : given
    try settings.validate(filters: filters, groups: groups, allowsCausal: rank == 1)
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
    if common.kerasVersion == .keras3,
      let refusal = Keras3ShapeErrors.convolution(
        input: input, kernelSize: kernelSize, filters: filters, strides: strides,
        dilationRate: dilationRate, padding: padding, dataFormat: dataFormat)
    {
      throw refusal
    }
    try ShapeErrors.requireInt32(
      ["strides": strides, "dilation_rate": dilationRate], layer: name,
      version: common.kerasVersion)
    var output = try exactly("output shape") { () throws(Exact.Overflow) in
      try settings.slidingOutput(input)
    }
    // Keras' build refuses a negative length itself; a zero length reaches TensorFlow's op below.
    if output.contains(where: { ($0 ?? 0) < 0 }) {
      throw ShapeErrors.negativeOutput(layer: name, input: input)
    }
    if let failure = try exactly(
      "output shape",
      { () throws(Exact.Overflow) in
        try ShapeErrors.zeroDepth(self, input: input)
      })
    {
      throw failure
    }
    if padding != .causal {
      let op = try exactly("output shape") { () throws(Exact.Overflow) in
        try ShapeErrors.convolution(self, input: input)
      }
      if let failure = ShapeErrors.windowFailure(
        op, layer: name, className: className, input: input)
      {
        throw failure
      }
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

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    let channels = input[dataFormat.channelAxis(rank: input.rank)] ?? 0
    return try Exact.product(
      [output.exactValuesPerSample() ?? 0, Exact.product(kernelSize), channels / groups])
  }
}
