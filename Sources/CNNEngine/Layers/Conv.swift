/// `Conv1D`, `Conv2D` and `Conv3D`: a learned kernel slid over 1, 2 or 3 spatial axes.
///
/// Output length per spatial axis: valid floor((n - d*(k-1) - 1)/s) + 1, same and causal ceil(n/s).
/// Parameters: prod(kernel_size) * (C_in / groups) * filters + filters (bias).
public struct Conv: ConvolutionLayer, WeightAttributeLayer {
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

// MARK: Forward pass

extension Conv {
  /// Blocks of 16 filters, or Winograd's 36 transformed positions per channel and filter.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  {
    let kernel = weights.first { $0.name == "kernel" }?.shape ?? []
    if kernel.count == 4, usesWinograd(inputChannels: kernel[2], input: input) {
      // 36 transformed 6x6 positions per (channel, filter), filters padded to blocks of 16.
      let padded = try Exact.multiply(Exact.add(filters, 15) / 16, 16)
      return try Exact.add(Exact.product([36, kernel[2], padded]), filters)
    }
    return try ForwardPlan.blockedValues(kernel: kernel, groups: groups)
  }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    let kernel = try preparation.weight("kernel")
    let bias = try preparation.optionalWeight("bias", useBias)
    let channelsFirst = dataFormat == .channelsFirst
    if usesWinograd(inputChannels: kernel.shape[2], input: preparation.instance.inputShape) {
      let packed = try preparation.packing { () throws(KernelError) in
        // 4x4 output tiles: measured faster than 2x2 for 32 and 64 channels, error ~1e-6.
        try PackedWinogradWeights(kernel: kernel, bias: bias, tile: 4)
      }
      return .step(
        .winograd(packed, padding: padding, activation: activation), channelsFirst: channelsFirst)
    }
    let packed = try preparation.packing { () throws(KernelError) in
      try PackedConvolutionWeights(kernel: kernel, bias: bias, groups: groups)
    }
    return .step(
      .convolution(
        packed, strides: strides, dilations: dilationRate, padding: padding,
        activation: activation),
      channelsFirst: channelsFirst)
  }

  /// Whether the convolution runs as Winograd F(4x4, 3x3) (see `WinogradConvolutionKernel`):
  /// where the kernel applies, on output maps larger than 16x16 (more than 16 4x4 tiles per image;
  /// any map whose size is unknown when the layer is built). Winograd's transformed kernel holds 36
  /// values per channel and filter where the direct one holds 9, and every run reads all of it: on
  /// small maps (ResNet50's 14x14 and 7x7 stages, 90% of its 3x3 weights) that was 122 MB more
  /// for no time gained (see `Benchmarks/forward_memory.md`).
  /// `input`: the shape the layer was built with.
  func usesWinograd(inputChannels: Int, input: TensorShape?) -> Bool {
    guard
      rank == 2 && padding != .causal
        && WinogradConvolutionKernel.applies(
          kernelSize: kernelSize, strides: strides, dilations: dilationRate, groups: groups,
          inputChannels: inputChannels, filters: filters)
    else { return false }
    guard let input, let output = try? outputShape(for: input), output.rank == 4 else {
      return true
    }
    let spatial = dataFormat == .channelsFirst ? [2, 3] : [1, 2]
    guard let height = output.dimensions[spatial[0]], let width = output.dimensions[spatial[1]]
    else { return true }
    return ((height + 3) / 4) * ((width + 3) / 4) >= Self.winogradMinimumTiles
  }

  /// Output tiles of 4x4 per image below which a 3x3 convolution runs direct (`usesWinograd`).
  static let winogradMinimumTiles = 17
}

extension Conv {
  /// tf-keras' `Conv1D`/`Conv2D`/`Conv3D` and Keras 3's `Conv1D`/`Conv2D` reach TensorFlow's NCHW
  /// convolution, which its CPU kernels lack; Keras 3's `Conv3D` runs.
  public func channelsFirstFailsOnCPU(keras3: Bool) -> Bool { !keras3 || rank < 3 }
}

// MARK: Training

extension Conv {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    guard dataFormat != .channelsFirst else {
      throw preparation.refuse("channels_first Conv layers")
    }
    return .step(
      .convolution(
        groups: groups, strides: strides, dilations: dilationRate, padding: padding,
        activation: try preparation.activation(activation)))
  }
}

// MARK: Settings

extension Conv {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "filters": .size(filters, given: common.arguments["filters"])
    case "groups": .int(groups)
    default: convolutionSetting(name)
    }
  }
}

// MARK: Python attributes

extension Conv {
  /// `kernel` and `bias`.
  public var weightAttributeNames: [String] { ["kernel", "bias"] }
}
