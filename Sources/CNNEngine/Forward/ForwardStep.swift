import CNNKernels

/// One layer of a model ready to run: its Keras configuration turned into kernel calls, with
/// convolution and dense weights packed once.
///
/// Layers with `data_format='channels_first'` run channels-last kernels between two transposes,
/// as TensorFlow itself does on CPU for most of them.
struct ForwardStep {
  enum Operation {
    case convolution(
      PackedConvolutionWeights, strides: [Int], dilations: [Int], padding: Padding,
      activation: ActivationFunction)
    /// 3x3, stride 1, one group: Winograd F(2x2, 3x3).
    case winograd(PackedWinogradWeights, padding: Padding, activation: ActivationFunction)
    case depthwise(
      kernel: Tensor, bias: Tensor?, strides: [Int], dilations: [Int], padding: Padding,
      activation: ActivationFunction)
    case separable(
      depthwise: Tensor, pointwise: PackedConvolutionWeights, strides: [Int], dilations: [Int],
      padding: Padding, activation: ActivationFunction)
    case transposed(
      PackedTransposedConvolutionWeights, strides: [Int], dilations: [Int], padding: Padding,
      outputPadding: [Int]?, activation: ActivationFunction)
    case pooling(PoolingKernel.Mode, poolSize: [Int], strides: [Int], padding: Padding)
    case globalPooling(PoolingKernel.Mode, keepDimensions: Bool)
    /// `fused`: TensorFlow's fused kernel where tf-keras takes it (by shape, nil), or never
    /// (false: Keras 3's `tf.nn.batch_normalization`).
    case batchNormalization(
      axes: [Int], gamma: Tensor?, beta: Tensor?, mean: Tensor, variance: Tensor, epsilon: Float,
      fused: Bool?)
    case layerNormalization(axes: [Int], gamma: Tensor?, beta: Tensor?, epsilon: Float)
    case dense(PackedDenseWeights, activation: ActivationFunction)
    case flatten
    case reshape
    case permute([Int])
    case zeroPadding([(Int, Int)])
    case cropping([(Int, Int)])
    case upSampling(size: [Int], interpolation: String)
    case activation(ActivationFunction)
    case rescaling(scale: Float, offset: Float)
    /// `x * gamma` along the last axis (ConvNeXt's `LayerScale`).
    case scaleLastAxis([Float])
    /// `PReLU`: its alpha, shaped as a sample with 1 on the shared axes.
    case parametricReLU(alpha: Tensor)
    /// `RepeatVector`: (N, F) -> (N, n, F).
    case repeatVector(Int)
    /// A custom layer's own weight (`CustomWeight`): its value, whatever the input.
    case weightValue(Tensor)
    /// `GroupNormalization` over the last axis.
    case groupNormalization(groups: Int, gamma: Tensor?, beta: Tensor?, epsilon: Float)
    /// `UnitNormalization` over the last axis.
    case unitNormalization
    /// `Embedding`: the (input_dim, output_dim) table.
    case embedding(Tensor)
    case normalization(keptAxes: [Int], mean: [Float], variance: [Float], invert: Bool)
    /// `Resizing`; `crop` first center-crops to the target aspect ratio (`smart_resize`).
    case resizing(method: String, crop: Bool)
    case centerCrop
    case identity
    /// `Masking`: zeroes masked steps and sets the mask.
    case masking(Float)
    /// `SimpleRNN`, `LSTM`, `GRU` and `Bidirectional` (`RecurrentForward`).
    case recurrent(RecurrentForward)
    /// `ConvLSTM1D/2D/3D` (`RecurrentConvolutionForward`).
    case recurrentConvolution(RecurrentConvolutionForward)
    /// `TimeDistributed`: the wrapped layer's step on the time axis folded into the batch.
    indirect case timeDistributed([ForwardStep])
  }

  let name: String
  let layer: any Layer
  let operation: Operation
  /// Runs between transposes to and from channels-last.
  let channelsFirst: Bool
  /// What the layer does with the Keras mask of its input.
  let maskEffect: MaskEffect
  /// A `Dense` layer with a bias and a sigmoid on a rank-2 input, run inside a `tf.function` with
  /// oneDNN on (`TensorFlowEngine.oneDNN`): TensorFlow fuses the three into one oneDNN matmul
  /// whose sigmoid is oneDNN's (`TensorFlowSigmoid.oneDNN`), not the `Sigmoid` op's.
  let fusesSigmoid: Bool
  /// Whose kernels TensorFlow runs where they differ (softmax, the fused sigmoid).
  let engine: TensorFlowEngine
  /// Whose order a convolution sums in: TensorFlow's kernels, except in Keras 3's compiled
  /// `predict` / `evaluate` (XLA), which sum each value in one chain (`ContractionOrder`).
  let contraction: ContractionOrder

  // MARK: Preparation

  /// Reads the layer's configuration and takes (and packs) its weights from `weights`.
  /// input shape: the shape the layer was built with (batch first).
  /// `inGraph`: the step runs inside a `tf.function` (`predict`, `evaluate`, `fit`), where
  /// TensorFlow fuses a dense layer's sigmoid (`fusesSigmoid`); false for eager calls.
  /// `keras3`: the layer computes as Keras 3 computes it, where it differs from tf-keras.
  /// `engine`: TensorFlow's kernels on the machine being followed (`TensorFlowEngine`).
  init(
    instance: LayerInstance, weights: ModelWeights, inGraph: Bool = false, keras3: Bool = false,
    engine: TensorFlowEngine
  ) throws(ForwardError) {
    self.engine = engine
    let layer = instance.layer
    if let refusal = layer.common.arguments.activationRefusal {
      throw ForwardError(.model, refusal)
    }
    if let refusal = layer.common.arguments.precisionRefusal(layer: instance.name) {
      throw ForwardError(.model, refusal)
    }
    name = instance.name
    self.layer = layer
    contraction = inGraph && keras3 ? .chains : .tensorFlowKernels
    func weight(_ weightName: String) throws(ForwardError) -> Tensor {
      guard let tensor = weights.tensor(layer: instance.weightsName, weight: weightName) else {
        throw ForwardError(
          .weights,
          "missing weight \(instance.weightsName)/\(weightName):0 for layer \"\(instance.name)\""
        )
      }
      if let spec = instance.weights.first(where: { $0.name == weightName }),
        spec.shape != tensor.shape
      {
        throw ForwardError(
          .weights,
          "'\(instance.weightsName)/\(weightName):0' has shape \(TensorShape.tuple(tensor.shape)) but the model expects \(TensorShape.tuple(spec.shape))"
        )
      }
      return tensor
    }
    func optionalWeight(_ weightName: String, _ present: Bool) throws(ForwardError) -> Tensor? {
      present ? try weight(weightName) : nil
    }
    func packing<T>(_ body: () throws(KernelError) -> T) throws(ForwardError) -> T {
      do {
        return try body()
      } catch {
        throw ForwardError(.weights, "layer \"\(instance.name)\": \(error.message)")
      }
    }
    var channelsFirst = false
    switch layer {
    case let conv as Conv:
      channelsFirst = conv.dataFormat == .channelsFirst
      let kernel = try weight("kernel")
      let bias = try optionalWeight("bias", conv.useBias)
      if Self.usesWinograd(conv, inputChannels: kernel.shape[2], input: instance.inputShape) {
        let packed = try packing { () throws(KernelError) in
          // 4x4 output tiles: measured faster than 2x2 for 32 and 64 channels, error ~1e-6.
          try PackedWinogradWeights(kernel: kernel, bias: bias, tile: 4)
        }
        operation = .winograd(packed, padding: conv.padding, activation: conv.activation)
      } else {
        let packed = try packing { () throws(KernelError) in
          try PackedConvolutionWeights(kernel: kernel, bias: bias, groups: conv.groups)
        }
        operation = .convolution(
          packed, strides: conv.strides, dilations: conv.dilationRate, padding: conv.padding,
          activation: conv.activation)
      }
    case let conv as DepthwiseConv:
      channelsFirst = conv.dataFormat == .channelsFirst
      operation = .depthwise(
        kernel: try weight("depthwise_kernel"), bias: try optionalWeight("bias", conv.useBias),
        strides: conv.strides, dilations: conv.dilationRate, padding: conv.padding,
        activation: conv.activation)
    case let conv as SeparableConv:
      channelsFirst = conv.dataFormat == .channelsFirst
      let pointwise = try weight("pointwise_kernel")
      let bias = try optionalWeight("bias", conv.useBias)
      let packed = try packing { () throws(KernelError) in
        try PackedConvolutionWeights(kernel: pointwise, bias: bias)
      }
      operation = .separable(
        depthwise: try weight("depthwise_kernel"), pointwise: packed, strides: conv.strides,
        dilations: conv.dilationRate, padding: conv.padding, activation: conv.activation)
    case let conv as ConvTranspose:
      channelsFirst = conv.dataFormat == .channelsFirst
      let kernel = try weight("kernel")
      let bias = try optionalWeight("bias", conv.useBias)
      let packed = try packing { () throws(KernelError) in
        try PackedTransposedConvolutionWeights(kernel: kernel, bias: bias)
      }
      operation = .transposed(
        packed, strides: conv.strides, dilations: conv.dilationRate, padding: conv.padding,
        outputPadding: conv.outputPadding, activation: conv.activation)
    case let pooling as Pooling:
      channelsFirst = pooling.dataFormat == .channelsFirst
      operation = .pooling(
        pooling.kind == .max ? .max : .average, poolSize: pooling.poolSize,
        strides: pooling.strides, padding: pooling.padding)
    case let pooling as GlobalPooling:
      channelsFirst = pooling.dataFormat == .channelsFirst
      operation = .globalPooling(
        pooling.kind == .max ? .max : .average, keepDimensions: pooling.keepDimensions)
    case let normalization as BatchNormalization:
      let axes = try Self.normalizedAxes(of: instance, normalization.resolvedAxes(for:))
      operation = .batchNormalization(
        axes: axes, gamma: try optionalWeight("gamma", normalization.scale),
        beta: try optionalWeight("beta", normalization.center), mean: try weight("moving_mean"),
        variance: try weight("moving_variance"), epsilon: Float(normalization.epsilon),
        fused: keras3 ? false : nil)
    case let normalization as LayerNormalization:
      let axes = try Self.normalizedAxes(of: instance, normalization.resolvedAxes(for:))
      operation = .layerNormalization(
        axes: axes, gamma: try optionalWeight("gamma", normalization.scale),
        beta: try optionalWeight("beta", normalization.center),
        epsilon: Float(normalization.epsilon))
    case let dense as Dense:
      let kernel = try weight("kernel")
      let bias = try optionalWeight("bias", dense.useBias)
      let packed = try packing { () throws(KernelError) in
        try PackedDenseWeights(kernel: kernel, bias: bias)
      }
      operation = .dense(packed, activation: dense.activation)
    case let flatten as Flatten:
      // tf-keras moves channels last before flattening a channels-first tensor.
      channelsFirst = flatten.dataFormat == .channelsFirst
      operation = .flatten
    case is Reshape:
      operation = .reshape
    case let permute as Permute:
      operation = .permute(permute.dims)
    case let padding as ZeroPadding:
      channelsFirst = padding.dataFormat == .channelsFirst
      operation = .zeroPadding(padding.padding)
    case let cropping as Cropping:
      channelsFirst = cropping.dataFormat == .channelsFirst
      operation = .cropping(cropping.cropping)
    case let upSampling as UpSampling:
      channelsFirst = upSampling.dataFormat == .channelsFirst
      operation = .upSampling(size: upSampling.size, interpolation: upSampling.interpolation)
    case let activation as Activation:
      operation = .activation(activation.function)
    case let relu as ReLU:
      operation = .activation(
        .relu(
          negativeSlope: Float(relu.negativeSlope), maxValue: relu.maxValue.map { Float($0) },
          threshold: Float(relu.threshold)))
    case let leaky as LeakyReLU:
      operation = .activation(.leakyReLU(alpha: Float(leaky.alpha)))
    case let elu as ELU:
      operation = .activation(.elu(alpha: Float(elu.alpha)))
    case let softmax as Softmax:
      operation = .activation(.softmax(axis: softmax.axis))
    case is Dropout, is RandomAugmentation:
      // Random augmentation layers only act in training.
      operation = .identity
    case is Embedding:
      operation = .embedding(try weight("embeddings"))
    case let masking as Masking:
      operation = .masking(Float(masking.maskValue))
    case let recurrent as Recurrent:
      operation = .recurrent(try RecurrentForward(recurrent, weight: weight, name: instance.name))
    case let stacked as StackedRecurrent:
      operation = .recurrent(try RecurrentForward(stacked, weight: weight, name: instance.name))
    case let convolution as RecurrentConvolution:
      operation = .recurrentConvolution(
        try RecurrentConvolutionForward(convolution, weight: weight, name: instance.name))
    case let bidirectional as Bidirectional:
      operation = .recurrent(
        try RecurrentForward(bidirectional, weight: weight, name: instance.name))
    case is LayerScale:
      operation = .scaleLastAxis(try weight("gamma").scalars)
    case let custom as CustomWeight:
      operation = .weightValue(try weight(custom.spec.name))
    case is PReLU:
      operation = .parametricReLU(alpha: try weight("alpha"))
    case let repeatVector as RepeatVector:
      operation = .repeatVector(repeatVector.count)
    case let normalization as GroupNormalization:
      guard let input = instance.inputShape else { throw Self.unbuilt(instance) }
      let channels: (axis: Int, count: Int, groups: Int)
      do {
        channels = try normalization.channels(for: input)
      } catch {
        throw ForwardError(.model, error.message)
      }
      guard channels.axis == input.rank - 1 else {
        throw ForwardError(
          .model,
          "ConvBook's forward pass of GroupNormalization normalizes groups of the last axis only (layer \"\(instance.name)\")"
        )
      }
      operation = .groupNormalization(
        groups: channels.groups, gamma: try optionalWeight("gamma", normalization.scale),
        beta: try optionalWeight("beta", normalization.center),
        epsilon: Float(normalization.epsilon))
    case let normalization as UnitNormalization:
      guard let input = instance.inputShape else { throw Self.unbuilt(instance) }
      guard normalization.axes.map({ $0 < 0 ? $0 + input.rank : $0 }) == [input.rank - 1] else {
        throw ForwardError(
          .model,
          "ConvBook's forward pass of UnitNormalization normalizes over the last axis only (layer \"\(instance.name)\")"
        )
      }
      operation = .unitNormalization
    case let normalization as Normalization:
      guard let input = instance.inputShape else { throw Self.unbuilt(instance) }
      let kept: [Int]
      do {
        kept = try normalization.keptAxes(for: input)
      } catch {
        throw ForwardError(.model, error.message)
      }
      if let mean = normalization.mean, let variance = normalization.variance {
        operation = .normalization(
          keptAxes: kept, mean: mean.map { Float($0) }, variance: variance.map { Float($0) },
          invert: normalization.invert)
      } else {
        operation = .normalization(
          keptAxes: kept, mean: try weight("mean").scalars,
          variance: try weight("variance").scalars, invert: normalization.invert)
      }
    case let resizing as Resizing:
      guard let input = instance.inputShape else { throw Self.unbuilt(instance) }
      // Keras 3 gives inputs of other ranks a shape (see `Resizing.outputShape`) but no image
      // to resize; and it checks `interpolation` only here.
      // One image without a batch axis (`resize_and_rescale(image)`) resizes as a batch of one.
      guard input.rank == 4 || input.rank == 3 else {
        throw ForwardError(
          .model,
          "ConvBook's forward pass of Resizing takes images (3-D inputs) or batches of them (4-D); layer \"\(instance.name)\" gets \(input)"
        )
      }
      guard Resizing.interpolations.contains(resizing.interpolation) else {
        throw ForwardError(
          .model,
          "ConvBook does not support interpolation='\(resizing.interpolation)' in Resizing yet (layer \"\(instance.name)\")"
        )
      }
      operation = .resizing(method: resizing.interpolation, crop: resizing.cropToAspectRatio)
    case is CenterCrop:
      operation = .centerCrop
    case let wrapper as TimeDistributed:
      guard let input = instance.inputShape else { throw Self.unbuilt(instance) }
      var steps: [ForwardStep] = []
      for (step, stepWeights) in try wrapper.stepInstances(
        input: input, weights: weights, weightsName: instance.weightsName)
      {
        steps.append(
          try ForwardStep(
            instance: step, weights: stepWeights, inGraph: inGraph, keras3: keras3,
            engine: engine))
      }
      operation = .timeDistributed(steps)
    case is RandomCrop:
      // At inference tf-keras resizes instead of cropping at random.
      operation = .resizing(method: "bilinear", crop: true)
    case let other as ShapePreservingLayer:
      if other.className == "Rescaling", let items = other.common.arguments["scale"].sequenceItems {
        // Keras 3's per-channel `Rescaling(scale=[...])` (EfficientNet's ImageNet scaling).
        operation = try Self.perChannelRescaling(items, instance: instance, other: other)
      } else if other.className == "Rescaling" {
        let scale: Double
        let offset: Double
        do {
          scale = try other.common.arguments.double("scale")
          offset = try other.common.arguments.double("offset")
        } catch {
          throw ForwardError(.model, error.message)
        }
        operation = .rescaling(scale: Float(scale), offset: Float(offset))
      } else {
        // Noise and regularization layers do nothing at inference.
        operation = .identity
      }
    default:
      throw ForwardError(
        .model,
        "ConvBook cannot run layer \"\(instance.name)\" (\(layer.className)) in a forward pass yet")
    }
    self.channelsFirst = channelsFirst
    maskEffect = Self.maskEffect(of: layer)
    if inGraph, engine == .oneDNN, let dense = layer as? Dense, dense.useBias,
      dense.activation == .sigmoid, instance.inputShape?.rank == 2
    {
      fusesSigmoid = true
    } else {
      fusesSigmoid = false
    }
  }

  /// `Rescaling` with one scale per channel of the last axis and no offset; other broadcasts are
  /// ConvBook's limitation.
  private static func perChannelRescaling(
    _ items: [ArgumentValue], instance: LayerInstance, other: ShapePreservingLayer
  ) throws(ForwardError) -> Operation {
    var scales: [Float] = []
    for item in items {
      switch item {
      case .int(let value): scales.append(Float(value))
      case .float(let value): scales.append(Float(value))
      default:
        throw ForwardError(
          .model,
          "ConvBook does not support a Rescaling scale list holding \(item) yet (layer \"\(instance.name)\")"
        )
      }
    }
    let offset: Double
    do {
      offset = try other.common.arguments.double("offset")
    } catch {
      throw ForwardError(.model, error.message)
    }
    guard offset == 0, let channels = instance.inputShape?.dimensions.last ?? nil,
      channels == scales.count
    else {
      throw ForwardError(
        .model,
        "ConvBook supports a Rescaling scale list only with one scale per channel of the last axis and no offset (layer \"\(instance.name)\")"
      )
    }
    return .scaleLastAxis(scales)
  }

  /// Whether a convolution runs as Winograd F(4x4, 3x3) (see `WinogradConvolutionKernel`): where
  /// the kernel applies, on output maps larger than 16x16 (more than 16 4x4 tiles per image; any
  /// map whose size is unknown when the layer is built). Winograd's transformed kernel holds 36
  /// values per channel and filter where the direct one holds 9, and every run reads all of it: on
  /// small maps (ResNet50's 14x14 and 7x7 stages, 90% of its 3x3 weights) that was 122 MB more
  /// for no time gained (see `Benchmarks/forward_memory.md`).
  /// `input`: the shape the layer was built with.
  static func usesWinograd(_ conv: Conv, inputChannels: Int, input: TensorShape?) -> Bool {
    guard
      conv.rank == 2 && conv.padding != .causal
        && WinogradConvolutionKernel.applies(
          kernelSize: conv.kernelSize, strides: conv.strides, dilations: conv.dilationRate,
          groups: conv.groups, inputChannels: inputChannels, filters: conv.filters)
    else { return false }
    guard let input, let output = try? conv.outputShape(for: input), output.rank == 4 else {
      return true
    }
    let spatial = conv.dataFormat == .channelsFirst ? [2, 3] : [1, 2]
    guard let height = output.dimensions[spatial[0]], let width = output.dimensions[spatial[1]]
    else { return true }
    return ((height + 3) / 4) * ((width + 3) / 4) >= winogradMinimumTiles
  }

  /// Output tiles of 4x4 per image below which a 3x3 convolution runs direct (`usesWinograd`).
  static let winogradMinimumTiles = 17

  /// The axes a normalization layer works on, for the shape it was built with.
  private static func normalizedAxes(
    of instance: LayerInstance, _ resolve: (TensorShape) throws(KerasError) -> [Int]
  ) throws(ForwardError) -> [Int] {
    guard let input = instance.inputShape else { throw unbuilt(instance) }
    do {
      return try resolve(input)
    } catch {
      throw ForwardError(.model, error.message)
    }
  }

  private static func unbuilt(_ instance: LayerInstance) -> ForwardError {
    ForwardError(.model, "layer \"\(instance.name)\" is not built (its input shape is unknown)")
  }

  /// Values the packed copies of a layer's weights hold (counted before packing, for the memory
  /// estimate): blocks of 16 filters, zero-padded.
  /// `weights`: the layer's weights when they depend on more than `input` (a multi-input layer's).
  static func packedValues(
    _ layer: any Layer, input: TensorShape, weights given: [WeightSpec]? = nil
  ) throws(Exact.Overflow) -> Int {
    func blocked(kernel: [Int], groups: Int) throws(Exact.Overflow) -> Int {
      guard kernel.count >= 2 else { return 0 }
      let filters = kernel[kernel.count - 1]
      let perGroup = filters / max(1, groups)
      let blocks = try Exact.multiply(groups, Exact.add(perGroup, 15) / 16)
      return try Exact.product([blocks, 16, Exact.add(Exact.product(kernel.dropLast()), 1)])
    }
    let specs = given ?? layer.weights(for: input)
    func shape(_ name: String) -> [Int] { specs.first { $0.name == name }?.shape ?? [] }
    switch layer {
    case let conv as Conv:
      let kernel = shape("kernel")
      if kernel.count == 4, usesWinograd(conv, inputChannels: kernel[2], input: input) {
        // 36 transformed 6x6 positions per (channel, filter), filters padded to blocks of 16.
        let padded = try Exact.multiply(Exact.add(conv.filters, 15) / 16, 16)
        return try Exact.add(Exact.product([36, kernel[2], padded]), conv.filters)
      }
      return try blocked(kernel: kernel, groups: conv.groups)
    case is Dense: return try blocked(kernel: shape("kernel"), groups: 1)
    case is MultiHeadAttention:
      // The four projections, packed as (rows, columns) dense matrices.
      var total = 0
      for spec in specs where spec.name.hasSuffix("/kernel") && spec.shape.count >= 2 {
        let rows = spec.name.hasPrefix("attention_output") ? 2 : 1
        let matrix = [
          try Exact.product(spec.shape.prefix(rows)), try Exact.product(spec.shape.dropFirst(rows)),
        ]
        total = try Exact.add(total, blocked(kernel: matrix, groups: 1))
      }
      return total
    case let wrapper as TimeDistributed:
      var shape = wrapper.stepShape(input)
      var total = 0
      for layer in wrapper.stepLayers {
        total = try Exact.add(total, packedValues(layer, input: shape))
        guard let next = try? layer.outputShape(for: shape) else { break }
        shape = next
      }
      return total
    case is SeparableConv: return try blocked(kernel: shape("pointwise_kernel"), groups: 1)
    case let recurrent as Recurrent:
      // The input kernel is packed; the recurrent kernel is read as it is.
      return try blocked(
        kernel: shape(recurrent.weightPrefix + recurrent.cellName + "/kernel"), groups: 1)
    case let stacked as StackedRecurrent:
      var total = 0
      for (layer, shape) in zip(stacked.layers, stacked.inputShapes(for: input)) {
        total = try Exact.add(total, packedValues(layer, input: shape))
      }
      return total
    case let bidirectional as Bidirectional:
      return try Exact.add(
        packedValues(bidirectional.forwardLayer, input: input),
        packedValues(bidirectional.backwardLayer, input: input))
    case is RecurrentConvolution:
      return try Exact.add(
        blocked(kernel: shape("kernel"), groups: 1),
        blocked(kernel: shape("recurrent_kernel"), groups: 1))
    case is ConvTranspose:
      // (K..., F, C_in) is transposed to (K..., C_in, F) first: one more copy while packing.
      let kernel = shape("kernel")
      guard kernel.count >= 2 else { return 0 }
      var swapped = kernel
      swapped.swapAt(kernel.count - 1, kernel.count - 2)
      return try Exact.add(blocked(kernel: swapped, groups: 1), Exact.product(kernel))
    default: return 0
    }
  }

  // MARK: Running

  /// Runs the layer on `buffers.current`; the output shape is what Keras infers for this input.
  /// input (N, ...) -> output `outputShape`
  func run(_ buffers: inout ActivationBuffers, outputShape: [Int], threads: Int)
    throws(ForwardError)
  {
    let incoming = buffers.mask
    try runLayer(&buffers, outputShape: outputShape, threads: threads)
    switch maskEffect {
    case .carry: buffers.mask = incoming
    case .drop: buffers.mask = nil
    case .own: break
    }
  }

  private func runLayer(_ buffers: inout ActivationBuffers, outputShape: [Int], threads: Int)
    throws(ForwardError)
  {
    if channelsFirst && buffers.current.rank > 2 {
      // Channels to the end, run the channels-last step, then back (Flatten stays flat).
      buffers.replace(with: try Self.transpose(buffers.current, toChannelsLast: true))
      var lastShape = outputShape
      if case .flatten = operation {
        try runChannelsLast(&buffers, outputShape: lastShape, threads: threads)
        return
      }
      lastShape.append(lastShape.remove(at: 1))
      try runChannelsLast(&buffers, outputShape: lastShape, threads: threads)
      if buffers.current.rank > 2 {
        buffers.replace(with: try Self.transpose(buffers.current, toChannelsLast: false))
      }
      buffers.reshape(outputShape)
      return
    }
    try runChannelsLast(&buffers, outputShape: outputShape, threads: threads)
  }

  /// (N, C, spatial...) <-> (N, spatial..., C)
  static func transpose(_ tensor: Tensor, toChannelsLast: Bool) throws(ForwardError) -> Tensor {
    let rank = tensor.rank
    let dims =
      toChannelsLast ? Array(2..<rank) + [1] : [rank - 1] + Array(1..<(rank - 1))
    do {
      return try PermuteKernel.permute(tensor, dims: dims)
    } catch {
      throw ForwardError(.kernel, error.message)
    }
  }

  // input (N, spatial..., C) -> output `outputShape` (channels last)
  private func runChannelsLast(
    _ buffers: inout ActivationBuffers, outputShape: [Int], threads: Int
  ) throws(ForwardError) {
    // The input is read inside each case that needs it: a reference held across an in-place
    // layer would make it copy the whole tensor.
    let inputShape = buffers.current.shape
    let rank = inputShape.count - 2
    func fresh(_ body: () throws(KernelError) -> Tensor) throws(ForwardError) {
      do {
        buffers.replace(with: try body())
      } catch {
        throw ForwardError(.kernel, "layer \"\(name)\": \(error.message)")
      }
    }
    func activate(_ function: ActivationFunction) throws(ForwardError) {
      guard function != .linear else { return }
      try buffers.update { tensor throws(KernelError) in
        try ActivationKernel.applyInPlace(
          function, to: &tensor, threads: threads, engine: engine)
      }
    }
    switch operation {
    case .convolution(let weights, let strides, let dilations, let padding, let activation):
      let pads = Self.padding(
        padding, input: inputShape, kernel: weights.kernelSize, strides: strides,
        dilations: dilations)
      let fused = activation.fused
      try buffers.write(shape: outputShape) { input, output throws(KernelError) in
        try ConvolutionKernel.convolve(
          input, weights: weights, strides: strides, dilations: dilations, padding: pads,
          activation: fused ?? .linear, threads: threads, order: contraction, into: &output)
      }
      if fused == nil { try activate(activation) }
    case .winograd(let weights, let padding, let activation):
      let pads = Self.padding(
        padding, input: inputShape, kernel: [3, 3], strides: [1, 1], dilations: [1, 1])
      let fused = activation.fused
      try buffers.write(shape: outputShape) { input, output throws(KernelError) in
        try WinogradConvolutionKernel.convolve(
          input, weights: weights, padding: pads, activation: fused ?? .linear, threads: threads,
          into: &output)
      }
      if fused == nil { try activate(activation) }
    case .depthwise(let kernel, let bias, let strides, let dilations, let padding, let activation):
      let input = buffers.current
      let pads = Self.padding(
        padding, input: inputShape, kernel: Array(kernel.shape.prefix(rank)), strides: strides,
        dilations: dilations)
      let fused = activation.fused
      try fresh { () throws(KernelError) in
        try DepthwiseConvolutionKernel.convolve(
          input, kernel: kernel, bias: bias, strides: strides, dilations: dilations,
          padding: pads, activation: fused ?? .linear, threads: threads)
      }
      if fused == nil { try activate(activation) }
    case .separable(
      let depthwise, let pointwise, let strides, let dilations, let padding, let activation):
      let input = buffers.current
      let pads = Self.padding(
        padding, input: inputShape, kernel: Array(depthwise.shape.prefix(rank)),
        strides: strides, dilations: dilations)
      let fused = activation.fused
      try fresh { () throws(KernelError) in
        try SeparableConvolutionKernel.convolve(
          input, depthwiseKernel: depthwise, pointwise: pointwise, strides: strides,
          dilations: dilations, padding: pads, activation: fused ?? .linear, threads: threads)
      }
      if fused == nil { try activate(activation) }
    case .transposed(
      let weights, let strides, let dilations, let padding, let outputPadding, let activation):
      let input = buffers.current
      let fused = activation.fused
      try fresh { () throws(KernelError) in
        try TransposedConvolutionKernel.convolve(
          input, weights: weights, strides: strides, dilations: dilations,
          padding: padding == .same ? .same : .valid, outputPadding: outputPadding,
          activation: fused ?? .linear, threads: threads)
      }
      if fused == nil { try activate(activation) }
    case .pooling(let mode, let poolSize, let strides, let padding):
      let pads = PoolingKernel.padding(
        inputShape: inputShape, poolSize: poolSize, strides: strides, same: padding == .same)
      try buffers.write(shape: outputShape) { input, output throws(KernelError) in
        try PoolingKernel.pool(
          input, mode: mode, poolSize: poolSize, strides: strides, padding: pads,
          threads: threads, into: &output)
      }
    case .globalPooling(.average, let keepDimensions)
    where buffers.mask != nil && inputShape.count == 3:
      // tf-keras' GlobalAveragePooling1D averages the steps the mask keeps.
      let input = buffers.current
      let mask = buffers.mask ?? []
      try fresh { () throws(KernelError) in
        try RecurrentKernel.maskedAverage(input, mask: mask, keepDims: keepDimensions)
      }
    case .globalPooling(let mode, let keepDimensions):
      let input = buffers.current
      try fresh { () throws(KernelError) in
        try GlobalPoolingKernel.pool(
          input, mode: mode, keepDims: keepDimensions, threads: threads)
      }
    case .batchNormalization(
      let axes, let gamma, let beta, let mean, let variance, let epsilon, let fused):
      if axes.count == 1 {
        try buffers.update { tensor throws(KernelError) in
          try BatchNormalizationKernel.normalizeInPlace(
            &tensor, axis: axes[0], gamma: gamma, beta: beta, movingMean: mean,
            movingVariance: variance, epsilon: epsilon, fused: fused, threads: threads)
        }
      } else {
        // Several axes: TensorFlow broadcasts (unfused); the same as one flattened trailing axis.
        try normalizeOverAxes(&buffers, axes: axes, threads: threads) {
          tensor throws(KernelError) in
          let flat = { (t: Tensor?) throws(KernelError) -> Tensor? in
            try t?.reshaped([-1])
          }
          try BatchNormalizationKernel.normalizeInPlace(
            &tensor, axis: -1, gamma: flat(gamma), beta: flat(beta),
            movingMean: try mean.reshaped([-1]), movingVariance: try variance.reshaped([-1]),
            epsilon: epsilon, threads: threads)
        }
      }
    case .layerNormalization(let axes, let gamma, let beta, let epsilon):
      try normalizeOverAxes(&buffers, axes: axes, threads: threads) {
        tensor throws(KernelError) in
        tensor = try LayerNormalizationKernel.normalize(
          tensor, gamma: try gamma?.reshaped([-1]), beta: try beta?.reshaped([-1]),
          epsilon: epsilon, threads: threads)
      }
    case .dense(let weights, let activation):
      let fused = activation.fused
      try buffers.write(shape: outputShape) { input, output throws(KernelError) in
        // A single unit's order is the engine's; in Keras 3's compiled predict (XLA) a linear
        // one reaches Eigen's matrix-vector product too (script 1080), while one with an
        // activation, which XLA may fuse, keeps the order measured before (`TensorFlowDot`).
        let xlaFusedActivation = contraction == .chains && activation != .linear
        try DenseKernel.apply(
          input, weights: weights, activation: fused ?? .linear, threads: threads,
          engine: xlaFusedActivation ? .oneDNN : engine,
          order: engine == .eigen ? .tensorFlowKernels : .chains, into: &output)
      }
      if fusesSigmoid {
        try buffers.update { tensor throws(KernelError) in
          tensor.withUnsafeMutableBufferPointer { values in
            for index in values.indices { values[index] = TensorFlowSigmoid.oneDNN(values[index]) }
          }
        }
      } else if fused == nil {
        try activate(activation)
      }
    case .flatten, .reshape:
      buffers.reshape(outputShape)
    case .permute(let dims):
      let input = buffers.current
      try fresh { () throws(KernelError) in try PermuteKernel.permute(input, dims: dims) }
    case .zeroPadding(let pairs):
      let input = buffers.current
      try fresh { () throws(KernelError) in
        try ZeroPaddingKernel.pad(
          input, padding: SpatialPadding(before: pairs.map(\.0), after: pairs.map(\.1)))
      }
    case .cropping(let pairs):
      let input = buffers.current
      try fresh { () throws(KernelError) in
        try CroppingKernel.crop(
          input, cropping: SpatialPadding(before: pairs.map(\.0), after: pairs.map(\.1)))
      }
    case .upSampling(let size, let interpolation):
      let input = buffers.current
      try fresh { () throws(KernelError) in
        if interpolation == "nearest" {
          return try UpSamplingKernel.upsample(input, size: size)
        }
        return try ResizeKernel.resize(
          input, size: Array(outputShape[1...rank]), method: interpolation, threads: threads)
      }
    case .activation(let function):
      try activate(function)
    case .rescaling(let scale, let offset):
      try buffers.update { tensor throws(KernelError) in
        PreprocessingKernels.rescale(&tensor, scale: scale, offset: offset, threads: threads)
      }
    case .scaleLastAxis(let gamma):
      try buffers.update { tensor throws(KernelError) in
        ElementwiseKernel.apply(&tensor, lastAxis: gamma, .multiply)
      }
    case .parametricReLU(let alpha):
      try buffers.update { tensor throws(KernelError) in
        try ParametricReLUKernel.apply(&tensor, alpha: alpha)
      }
    case .groupNormalization(let groups, let gamma, let beta, let epsilon):
      try buffers.update { tensor throws(KernelError) in
        try GroupNormalizationKernel.normalize(
          &tensor, groups: groups, gamma: gamma, beta: beta, epsilon: epsilon)
      }
    case .unitNormalization:
      try buffers.update { tensor throws(KernelError) in
        GroupNormalizationKernel.unitNormalize(&tensor)
      }
    case .weightValue(let value):
      buffers.replace(with: value)
    case .repeatVector(let count):
      let input = buffers.current
      try fresh { () throws(KernelError) in try RepeatVectorKernel.repeatRows(input, count: count) }
    case .embedding(let table):
      let input = buffers.current
      buffers.mask = maskEffect == .own ? RecurrentKernel.nonZeroMask(input) : nil
      try fresh { () throws(KernelError) in
        try PreprocessingKernels.embed(input, table: table)
      }
    case .normalization(let keptAxes, let mean, let variance, let invert):
      try buffers.update { tensor throws(KernelError) in
        try PreprocessingKernels.normalize(
          &tensor, keptAxes: keptAxes, mean: mean, variance: variance, invert: invert)
      }
    case .resizing(let method, let crop):
      let input = buffers.current
      let single = input.shape.count == 3
      let size = single ? [outputShape[0], outputShape[1]] : [outputShape[1], outputShape[2]]
      try fresh { () throws(KernelError) in
        let batch = single ? try input.reshaped([1] + input.shape) : input
        let output =
          crop
          ? try PreprocessingKernels.smartResize(
            batch, size: size, method: method, threads: threads)
          : try PreprocessingKernels.resize(batch, size: size, method: method, threads: threads)
        return single ? try output.reshaped(outputShape) : output
      }
    case .centerCrop:
      let input = buffers.current
      try fresh { () throws(KernelError) in
        try PreprocessingKernels.centerCrop(
          input, size: [outputShape[1], outputShape[2]], threads: threads)
      }
    case .identity:
      break
    case .masking(let value):
      var mask: [Bool] = []
      try buffers.update { tensor throws(KernelError) in
        mask = RecurrentKernel.applyMasking(&tensor, value: value)
      }
      buffers.mask = mask
    case .recurrent(let step):
      let input = buffers.current
      let mask = buffers.mask
      try fresh { () throws(KernelError) in
        try step.run(input, mask: mask, threads: threads)
      }
      buffers.mask = step.returnsSequences ? mask : nil
    case .recurrentConvolution(let step):
      let input = buffers.current
      try fresh { () throws(KernelError) in try step.run(input, threads: threads) }
    case .timeDistributed(let steps):
      try TimeDistributed.run(steps, &buffers, outputShape: outputShape, threads: threads)
    }
    if buffers.current.shape != outputShape {
      throw ForwardError(
        .kernel,
        "layer \"\(name)\" produced shape \(TensorShape.tuple(buffers.current.shape)) where Keras infers \(TensorShape.tuple(outputShape))"
      )
    }
  }

  /// Keras' padding modes as explicit pads for input (N, spatial..., C).
  static func padding(
    _ padding: Padding, input: [Int], kernel: [Int], strides: [Int], dilations: [Int]
  ) -> SpatialPadding {
    let spatial = Array(input[1..<(input.count - 1)])
    switch padding {
    case .same:
      return .same(inputSize: spatial, kernelSize: kernel, strides: strides, dilations: dilations)
    case .causal:
      return .causal(kernelSize: kernel[0], dilation: dilations[0])
    case .valid, .full:
      return .valid(rank: spatial.count)
    }
  }

  /// Normalizes over `axes` with a kernel that normalizes the last axis: the axes move to the end
  /// (in order), merge into one, and move back.
  /// tensor (d0, ..., dk) -> same shape
  private func normalizeOverAxes(
    _ buffers: inout ActivationBuffers, axes: [Int], threads: Int,
    _ body: (inout Tensor) throws(KernelError) -> Void
  ) throws(ForwardError) {
    let shape = buffers.current.shape
    let rank = shape.count
    let sorted = axes.sorted()
    let others = (0..<rank).filter { !sorted.contains($0) }
    let order = others + sorted
    let trailing = order == Array(0..<rank)
    do {
      var tensor: Tensor
      if trailing {
        tensor = buffers.current
      } else {
        // PermuteKernel keeps axis 0 in place; prepend a unit axis so every axis can move.
        let lifted = try buffers.current.reshaped([1] + shape)
        tensor = try PermuteKernel.permute(lifted, dims: order.map { $0 + 1 })
      }
      let kept = others.map { shape[$0] }.reduce(1, *)
      let merged = sorted.map { shape[$0] }.reduce(1, *)
      let permutedShape = tensor.shape
      tensor = try tensor.reshaped([kept, merged])
      try body(&tensor)
      tensor = try tensor.reshaped(permutedShape)
      if !trailing {
        var inverse = [Int](repeating: 0, count: rank)
        for (position, axis) in order.enumerated() { inverse[axis] = position + 1 }
        tensor = try PermuteKernel.permute(tensor, dims: inverse)
      }
      buffers.replace(with: try tensor.reshaped(shape))
    } catch {
      throw ForwardError(.kernel, "layer \"\(name)\": \(error.message)")
    }
  }
}
