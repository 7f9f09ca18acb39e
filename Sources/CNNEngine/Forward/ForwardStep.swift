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
  /// tf-keras inside a `tf.function`: a `Dense` layer's `MatMul` and `BiasAdd` are one
  /// `_FusedMatMul` (Grappler's remapper) unless the `BiasAdd` is what the run returns (a linear
  /// model output in `predict`); with a single unit its sums are then `TensorFlowDot`'s, not the
  /// plain `MatMul`'s matrix-vector product (every value of 1530 measured, 1-130 inputs).
  let fusesBiasAdd: Bool
  /// Whose order the graph forms follow: TensorFlow's kernels, or in Keras 3's `predict` /
  /// `evaluate` `.chains` (`hard_sigmoid`'s and a fused single unit's forms). A convolution sums
  /// as TensorFlow's kernels in both Kerases (Keras 3 on a machine without an accelerator turns
  /// XLA off, `jit_compile="auto"`; with `jit_compile=True` its convolutions measured the same).
  let contraction: ContractionOrder

  // MARK: Preparation

  /// Reads the layer's configuration and takes (and packs) its weights from `weights`.
  /// input shape: the shape the layer was built with (batch first).
  /// `inGraph`: the step runs inside a `tf.function` (`predict`, `evaluate`, `fit`), where
  /// TensorFlow fuses a dense layer's sigmoid (`fusesSigmoid`); false for eager calls.
  /// `keras3`: the layer computes as Keras 3 computes it, where it differs from tf-keras.
  /// `engine`: TensorFlow's kernels on the machine being followed (`TensorFlowEngine`).
  /// `graphOutput`: the step makes a model output of a tf-keras `tf.function` run (its own op
  /// is not fused: `inGraph` is then false, but an op feeding its activation may be).
  init(
    instance: LayerInstance, weights: ModelWeights, inGraph: Bool = false, keras3: Bool = false,
    engine: TensorFlowEngine, graphOutput: Bool = false
  ) throws(ForwardError) {
    self.engine = engine
    let layer = instance.layer
    if !keras3, let dense = layer as? Dense, dense.useBias {
      fusesBiasAdd = inGraph || (graphOutput && dense.activation != .linear)
    } else {
      fusesBiasAdd = false
    }
    if let refusal = layer.common.arguments.activationRefusal {
      throw ForwardError(.model, refusal)
    }
    if let refusal = layer.common.arguments.precisionRefusal(layer: instance.name) {
      throw ForwardError(.model, refusal)
    }
    name = instance.name
    self.layer = layer
    contraction = inGraph && keras3 ? .chains : .tensorFlowKernels
    let preparation = ForwardPreparation(
      instance: instance, weights: weights, inGraph: inGraph, keras3: keras3, engine: engine)
    // A layer on several tensors runs as a `MergeStep`.
    guard case .step(let operation, let channelsFirst) = try layer.forwardPlan(preparation).kind
    else { throw preparation.unsupported() }
    self.operation = operation
    self.channelsFirst = channelsFirst
    maskEffect = layer.maskEffect
    if inGraph, engine == .oneDNN, let dense = layer as? Dense, dense.useBias,
      dense.activation == .sigmoid, instance.inputShape?.rank == 2
    {
      fusesSigmoid = true
    } else {
      fusesSigmoid = false
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
      // Keras 3 inside a tf.function (the steps' `.chains` contraction): `relu6(x + 3) / 6`
      // multiplies by 1 / 6 there.
      if contraction == .chains {
        var done = false
        try buffers.update { tensor throws(KernelError) in
          done = ActivationKernel.applyKeras3GraphForm(function, to: &tensor)
        }
        if done { return }
      }
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
          activation: fused ?? .linear, threads: threads,
          // Under the Eigen engine Keras 3's compiled predict sums as its eager calls do.
          order: engine == .eigen ? .tensorFlowKernels : contraction, into: &output)
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
          padding: pads, activation: fused ?? .linear, threads: threads,
          unfused: engine == .eigen)
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
          dilations: dilations, padding: pads, activation: fused ?? .linear, threads: threads,
          unfusedDepthwise: engine == .eigen,
          pointwiseOrder: engine == .eigen ? .tensorFlowKernels : .chains)
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
          activation: fused ?? .linear, threads: threads,
          order: engine == .eigen ? .tensorFlowKernels : .chains)
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
        // A single unit's order is the engine's: Keras 3's predict runs its MatMul, its bias add
        // and its activation as separate ops (no XLA without an accelerator), so a Dense(1,
        // "sigmoid") sums as Eigen's matrix-vector product, as a linear one does (scripts 1080,
        // 1134); tf-keras' fused MatMul + BiasAdd sums as `TensorFlowDot`.
        try DenseKernel.apply(
          input, weights: weights, activation: fused ?? .linear, threads: threads,
          engine: fusesBiasAdd ? .oneDNN : engine,
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
