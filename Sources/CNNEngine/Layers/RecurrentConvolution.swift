import CNNKernels

/// `ConvLSTM1D`, `ConvLSTM2D` and `ConvLSTM3D`: an LSTM whose input and recurrent products are
/// convolutions, run over the time axis of (batch, time, spatial..., channels).
///
/// (N, T, S..., C) -> (N, S'..., filters), or (N, T, S'..., filters) with
/// `return_sequences=True`; S' as a convolution with the layer's `strides`, `padding` and
/// `dilation_rate` gives it (the recurrent convolution is always `same` with stride 1).
/// Weights (no cell name in tf-keras' variable names): `kernel` (K..., C, 4*filters),
/// `recurrent_kernel` (K..., filters, 4*filters), `bias` (4*filters); gates i, f, c, o.
/// tf-keras' default `recurrent_activation` is `hard_sigmoid`, Keras 3's `sigmoid`.
public struct RecurrentConvolution: ConvolutionLayer {
  public let common: LayerCommon
  public let rank: Int
  public let filters: Int
  public let settings: ConvolutionSettings
  public let recurrentActivation: ActivationFunction
  public let returnSequences: Bool
  public let goBackwards: Bool

  public var className: String { "ConvLSTM\(rank)D" }

  public static func signature(rank: Int) -> LayerSignature {
    let ones: ArgumentValue = rank == 1 ? .int(1) : .tuple(Array(repeating: .int(1), count: rank))
    return LayerSignature(
      "ConvLSTM\(rank)D",
      [
        .required("filters"), .required("kernel_size"), .init("strides", ones),
        .init("padding", .string("valid")), .init("data_format", .none),
        .init("dilation_rate", ones), .init("activation", .string("tanh")),
        // tf-keras: 'hard_sigmoid', Keras 3: 'sigmoid' (resolved by the session's version).
        .init("recurrent_activation", .none),
        .init("use_bias", .bool(true)), .init("kernel_initializer", .string("glorot_uniform")),
        .init("recurrent_initializer", .string("orthogonal")),
        .init("bias_initializer", .string("zeros")), .init("unit_forget_bias", .bool(true)),
        .init("kernel_regularizer", .none), .init("recurrent_regularizer", .none),
        .init("bias_regularizer", .none), .init("activity_regularizer", .none),
        .init("kernel_constraint", .none), .init("recurrent_constraint", .none),
        .init("bias_constraint", .none), .init("dropout", .float(0)),
        .init("recurrent_dropout", .float(0)), .init("seed", .none),
        .init("return_sequences", .bool(false)), .init("return_state", .bool(false)),
        .init("go_backwards", .bool(false)), .init("stateful", .bool(false)),
        .init("unroll", .bool(false)),
      ])
  }

  public init(rank: Int, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.rank = rank
    let arguments = common.arguments
    // Keras 3 keeps a float `filters` of any sign (its cell checks none).
    if common.kerasVersion == .keras3, let kept = arguments.keptFloatSize("filters") {
      filters = max(1, kept)
    } else {
      filters = try ConvolutionSettings.filters(arguments)
    }
    settings = try ConvolutionSettings(
      arguments, rank: rank, allowsCausal: false, version: common.kerasVersion)
    try settings.validate(filters: filters, groups: 1, allowsCausal: false)
    // The kernels hold `4 * filters` columns (the gates i, f, c, o): counted exactly here, so that
    // ConvLSTM2D(2**61, 3) is refused rather than wrapped when its weights are listed.
    do {
      _ = try Exact.multiply(4, filters)
    } catch {
      throw .overflow("parameter count", of: common.name)
    }
    if arguments.isNone("recurrent_activation") {
      recurrentActivation = common.kerasVersion == .keras3 ? .sigmoid : .hardSigmoid
    } else {
      recurrentActivation = try arguments.activation(
        "recurrent_activation", version: common.kerasVersion)
    }
    returnSequences = try arguments.bool("return_sequences")
    goBackwards = try arguments.bool("go_backwards")
    if settings.dataFormat == .channelsFirst {
      throw .limitation(
        "ConvBook does not support data_format='channels_first' in \(className) yet")
    }
    if try arguments.bool("return_state") {
      throw .limitation(
        "ConvBook does not support return_state=True in \(className) yet: its layers return one tensor"
      )
    }
    if try arguments.bool("stateful") {
      throw .limitation(
        "ConvBook does not support stateful=True in \(className) yet: it keeps no state between batches"
      )
    }
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, exactly: rank + 3)
    let channels = try definedChannels(input, axis: -1, reportedAxis: -1)
    _ = channels
    // One frame: (N, S..., C) through the input convolution.
    let frame = TensorShape([input[0]] + Array(input.dimensions[2...]))
    var spatial = try exactly("output shape") { () throws(Exact.Overflow) in
      try settings.slidingOutput(frame)
    }
    if spatial.dropFirst().contains(where: { $0 != nil && $0! <= 0 }) {
      // Keras refuses when the layer is called, in TensorFlow's words for its initial state.
      throw .limitation(
        "ConvBook does not support \(className) on frames smaller than its window yet: Keras refuses layer \"\(name)\" on input \(input) when it is called"
      )
    }
    spatial[spatial.count - 1] = filters
    if returnSequences {
      return TensorShape([input[0], input[1]] + Array(spatial[1...]))
    }
    return TensorShape(spatial)
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    let channels = input[-1] ?? 0
    var specs = [
      WeightSpec(
        "kernel", kernelSize + [channels, 4 * filters],
        initializer: common.arguments["kernel_initializer"]),
      WeightSpec(
        "recurrent_kernel", kernelSize + [filters, 4 * filters],
        initializer: common.arguments["recurrent_initializer"]),
    ]
    if useBias {
      var initializer = common.arguments["bias_initializer"]
      if case .bool(true) = common.arguments["unit_forget_bias"] {
        initializer = .object(
          KerasObject(
            typeName: "UnitForgetBias",
            arguments: [("units", .int(filters)), ("initializer", initializer)]))
      }
      specs.append(WeightSpec("bias", [4 * filters], initializer: initializer))
    }
    return specs
  }

  /// Per time step, the input convolution (S' * prod(K) * C * 4F) and the recurrent one
  /// (S' * prod(K) * F * 4F), S' the output positions of one frame; an unknown `T` counts as one.
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    let steps = input[1] ?? 1
    let channels = input[-1] ?? 0
    let positionAxes =
      returnSequences
      ? Array(output.dimensions[2..<(output.rank - 1)])
      : Array(output.dimensions[1..<(output.rank - 1)])
    let positions = try Exact.product(positionAxes.map { $0 ?? 0 })
    return try Exact.product([
      steps, positions, Exact.product(kernelSize), 4 * filters, Exact.add(channels, filters),
    ])
  }
}

/// The forward pass of `ConvLSTM1D/2D/3D`: the input convolution of all frames at once, then
/// `RecurrentConvolutionKernel`.
struct RecurrentConvolutionForward {
  let input: PackedConvolutionWeights
  let recurrent: PackedConvolutionWeights
  let layer: RecurrentConvolution

  init(_ layer: RecurrentConvolution, weight: (String) throws(ForwardError) -> Tensor, name: String)
    throws(ForwardError)
  {
    self.layer = layer
    let kernel = try weight("kernel")
    let recurrentKernel = try weight("recurrent_kernel")
    let bias = layer.useBias ? try weight("bias") : nil
    do {
      input = try PackedConvolutionWeights(kernel: kernel, bias: bias)
      recurrent = try PackedConvolutionWeights(kernel: recurrentKernel)
    } catch {
      throw ForwardError(.weights, "layer \"\(name)\": \(error.message)")
    }
  }

  /// frames (N, T, S..., C) -> the layer's output.
  func run(_ frames: Tensor, threads: Int) throws(KernelError) -> Tensor {
    let batch = frames.shape[0]
    let steps = frames.shape[1]
    let flat = try frames.reshaped([batch * steps] + Array(frames.shape[2...]))
    let padding = ForwardStep.padding(
      layer.padding, input: flat.shape, kernel: layer.kernelSize, strides: layer.strides,
      dilations: layer.dilationRate)
    let projected = try ConvolutionKernel.convolve(
      flat, weights: input, strides: layer.strides, dilations: layer.dilationRate,
      padding: padding, threads: threads)
    let sequence = try projected.reshaped([batch, steps] + Array(projected.shape[1...]))
    return try RecurrentConvolutionKernel.run(
      projected: sequence, recurrent: recurrent, activation: layer.activation,
      gate: layer.recurrentActivation, goBackwards: layer.goBackwards,
      returnSequences: layer.returnSequences, threads: threads)
  }
}

// MARK: Forward pass

extension RecurrentConvolution {
  /// Both kernels in blocks of 16 filters.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  {
    try Exact.add(
      ForwardPlan.blockedValues(kernel: ForwardPlan.shape("kernel", in: weights), groups: 1),
      ForwardPlan.blockedValues(
        kernel: ForwardPlan.shape("recurrent_kernel", in: weights), groups: 1))
  }

  /// Keras 3's ConvLSTM cell convolves NCHW, which TensorFlow's CPU kernels lack; tf-keras' runs
  /// (ConvBook refuses channels_first here when the layer is made, in both).
  public func channelsFirstFailsOnCPU(keras3: Bool) -> Bool { keras3 }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(
      .recurrentConvolution(
        try RecurrentConvolutionForward(
          self, weight: preparation.weight, name: preparation.instance.name)))
  }
}

// MARK: Training

extension RecurrentConvolution {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension RecurrentConvolution {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "filters": .size(filters, given: common.arguments["filters"])
    case "return_sequences": .bool(returnSequences)
    default: convolutionSetting(name)
    }
  }
}
