import CNNKernels

/// `Conv1DTranspose`, `Conv2DTranspose` and `Conv3DTranspose`: learned upsampling.
///
/// Output length (no output_padding): valid n*s + max(k - s, 0), same n*s; with output_padding p:
/// (n - 1)*s + k - 2*pad + p. Kernel layout (k..., filters, C_in); parameters
/// prod(kernel_size) * C_in * filters + filters.
public struct ConvTranspose: ConvolutionLayer, WeightAttributeLayer {
  public let common: LayerCommon
  public let rank: Int
  public let filters: Int
  public let outputPadding: [Int]?
  public let settings: ConvolutionSettings

  public var className: String { "Conv\(rank)DTranspose" }
  public var window: SlidingWindow {
    SlidingWindow(
      size: kernelSize, strides: strides, dilation: dilationRate, padding: padding,
      transposed: true, outputPadding: outputPadding)
  }

  public static func signature(rank: Int) -> LayerSignature {
    let ones: ArgumentValue = rank == 1 ? .int(1) : .tuple(Array(repeating: .int(1), count: rank))
    return LayerSignature(
      "Conv\(rank)DTranspose",
      [
        .required("filters"), .required("kernel_size"), .init("strides", ones),
        .init("padding", .string("valid")), .init("output_padding", .none),
        .init("data_format", .none), .init("dilation_rate", ones), .init("activation", .none),
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
    filters = try ConvolutionSettings.filters(arguments)
    settings = try ConvolutionSettings(
      arguments, rank: rank, allowsCausal: false, version: common.kerasVersion)
    try settings.validate(filters: filters, groups: 1, allowsCausal: false)
    if arguments.isNone("output_padding") {
      outputPadding = nil
    } else {
      let paddings = try arguments.intTuple("output_padding", count: rank, allowZero: true)
      for (stride, extra) in zip(settings.strides, paddings) where extra >= stride {
        throw .value(
          "Strides must be greater than output padding. Received strides=\(TensorShape.tuple(settings.strides)), output_padding=\(TensorShape.tuple(paddings))."
        )
      }
      outputPadding = paddings
    }
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, atLeast: rank + 2)
    if input.rank != rank + 2 {
      throw .value("Inputs should have rank \(rank + 2). Received input_shape=\(input).")
    }
    let channelAxis = dataFormat.channelAxis(rank: input.rank)
    _ = try definedChannels(
      input, axis: channelAxis, reportedAxis: dataFormat == .channelsLast ? -1 : -1 - rank,
      of: className)
    var output = input.dimensions
    for (index, axis) in dataFormat.spatialAxes(rank: input.rank).enumerated() {
      output[axis] = try exactly("output shape") { () throws(Exact.Overflow) in
        try ConvolutionArithmetic.transposedOutputLength(
          input[axis], kernel: kernelSize[index], padding: padding,
          outputPadding: outputPadding?[index],
          stride: strides[index], dilation: dilationRate[index])
      }
    }
    output[channelAxis] = filters
    return TensorShape(output)
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    let channels = input[dataFormat.channelAxis(rank: input.rank)] ?? 0
    var specs = [
      WeightSpec(
        "kernel", kernelSize + [filters, channels],
        initializer: common.arguments["kernel_initializer"])
    ]
    if useBias {
      specs.append(WeightSpec("bias", [filters], initializer: common.arguments["bias_initializer"]))
    }
    return specs
  }

  /// Every input value is multiplied by the whole (k..., filters) slice of the kernel.
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    try Exact.product([input.exactValuesPerSample() ?? 0, Exact.product(kernelSize), filters])
  }
}

// MARK: Forward pass

extension ConvTranspose {
  /// (K..., F, C_in) is transposed to (K..., C_in, F) first: one more copy while packing; the
  /// (C_in, K... x F) matrix of TensorFlow's order is packed beside it (a copy, then its blocks).
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  {
    let kernel = ForwardPlan.shape("kernel", in: weights)
    guard kernel.count >= 2 else { return 0 }
    var swapped = kernel
    swapped.swapAt(kernel.count - 1, kernel.count - 2)
    let matrix = try [1, kernel[kernel.count - 1], Exact.product(kernel.dropLast())]
    return try Exact.add(
      Exact.add(
        ForwardPlan.blockedValues(kernel: swapped, groups: 1),
        ForwardPlan.blockedValues(kernel: matrix, groups: 1)),
      Exact.multiply(2, Exact.product(kernel)))
  }

  /// TensorFlow's CPU kernels refuse the NCHW transposed convolution of Keras 3's
  /// `Conv1DTranspose`/`Conv2DTranspose`/`Conv3DTranspose` and of tf-keras' 1-D and 3-D ones;
  /// tf-keras' `Conv2DTranspose` runs.
  public func channelsFirstFailsOnCPU(keras3: Bool) -> Bool { keras3 || rank != 2 }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    let kernel = try preparation.weight("kernel")
    let bias = try preparation.optionalWeight("bias", useBias)
    let packed = try preparation.packing { () throws(KernelError) in
      try PackedTransposedConvolutionWeights(kernel: kernel, bias: bias)
    }
    return .step(
      .transposed(
        packed, strides: strides, dilations: dilationRate, padding: padding,
        outputPadding: outputPadding, activation: activation),
      channelsFirst: dataFormat == .channelsFirst)
  }
}

// MARK: Training

extension ConvTranspose {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    guard dataFormat != .channelsFirst else {
      throw preparation.refuse("channels_first ConvTranspose layers")
    }
    return .step(
      .transposed(
        strides: strides, dilations: dilationRate, padding: padding,
        outputPadding: outputPadding, activation: try preparation.activation(activation)))
  }
}

// MARK: Settings

extension ConvTranspose {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "filters": .size(filters, given: common.arguments["filters"])
    default: convolutionSetting(name)
    }
  }
}

// MARK: Python attributes

extension ConvTranspose {
  /// `kernel` and `bias`.
  public var weightAttributeNames: [String] { ["kernel", "bias"] }
}
