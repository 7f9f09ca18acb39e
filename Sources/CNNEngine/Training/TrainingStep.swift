/// One layer of a model in training: its forward pass in training mode (batch statistics,
/// dropout masks) keeping what its backward pass needs, and that backward pass.
///
/// Trainable variables live in the `Trainer` (`variables`, in `model.trainable_weights` order);
/// a step knows the indices of its own. Moving statistics live in `state`, by Keras name.
struct TrainingStep {
  enum Operation {
    case dense(activation: ActivationFunction)
    case convolution(
      groups: Int, strides: [Int], dilations: [Int], padding: Padding,
      activation: ActivationFunction)
    /// SeparableConv: a depthwise convolution (`groups` = input channels, no bias) then a
    /// pointwise one (kernel `third`, bias `second`).
    case separable(
      groups: Int, strides: [Int], dilations: [Int], padding: Padding,
      activation: ActivationFunction)
    /// Conv1DTranspose..Conv3DTranspose: the transpose of the convolution whose kernel is the
    /// layer's (K..., filters, C), so its backward passes are that convolution's forward pass
    /// (input gradient) and kernel gradient (with the roles of input and output swapped).
    case transposed(
      strides: [Int], dilations: [Int], padding: Padding, outputPadding: [Int]?,
      activation: ActivationFunction)
    case layerNormalization(epsilon: Float)
    case pooling(PoolingKernel.Mode, poolSize: [Int], strides: [Int], padding: Padding)
    case globalPooling(PoolingKernel.Mode)
    case batchNormalization(BatchNormalization)
    /// `seeds`: a Keras 3 layer's known `SeedGenerator` and its rate as Keras holds it.
    case dropout(rate: Float, spatial: Bool, seeds: DropoutSeeds?)
    case activation(ActivationFunction)
    /// Flatten, Reshape: the values do not move.
    case reshape
    /// ZeroPadding1D-3D: zeros around the input; the backward pass crops them off again.
    case zeroPadding(SpatialPadding)
    /// Cropping1D-3D; the backward pass gives the cropped-off values a zero gradient.
    case cropping(SpatialPadding)
    /// UpSampling1D-3D with nearest-neighbour interpolation: each value repeated `size` times
    /// per spatial axis; the backward pass sums the gradients of each value's copies.
    case upSampling(size: [Int])
    /// RepeatVector: each row copied `count` times along a new time axis; the backward pass sums
    /// the copies' gradients as TensorFlow's Tile gradient does (`EigenSum.preservingInner`).
    case repeatVector(count: Int)
    /// Rescaling: `input * scale + offset`, as its forward step computes it; the backward pass
    /// scales the output gradient (TensorFlow's Mul gradient by the constant).
    case rescaling(scale: Float, offset: Float)
    case identity
    /// Embedding: rows of the table (variable `first`) looked up by integer ids; the backward
    /// pass scatter-adds the output gradient into the table's rows (`EmbeddingGradient`).
    case embedding
    /// A custom layer's own weight (`CustomWeight`, variable `first`): its value, whatever the
    /// input; its gradient is the output's, the input gets none.
    case weightValue
    /// SimpleRNN, LSTM, GRU and Bidirectional (`RecurrentTrainingStep`, which holds its
    /// variables' indices).
    case recurrent(RecurrentTrainingStep)
    /// `Masking`: zeroes the steps whose features all equal the value and makes the mask; the
    /// backward pass gives those steps a zero gradient.
    case masking(Float)
    /// TimeDistributed: the wrapped layers' steps (the wrapped layer, or a wrapped Sequential's
    /// layers) on the time axis folded into the batch, (N, T, ...) -> (N*T, ...).
    case timeDistributed(TimeDistributed, [TrainingStep])
  }

  /// What the forward pass kept for the backward pass.
  struct Saved {
    var input: Tensor
    var preActivation: [Float] = []
    var output: [Float] = []
    var normalization: BatchNormalizationTraining.Saved?
    /// BatchNormalization in inference mode (a frozen layer): gamma / sqrt(moving var + eps).
    var inferenceScale: [Float] = []
    var mask: [Float] = []
    var layerNormalization: LayerNormalizationTraining.Saved?
    /// SeparableConv: the depthwise output. Transposed convolutions: the output shape.
    var intermediate: Tensor?
    var outputShape: [Int] = []
    /// Max pooling whose windows tile its input, in training: each output's winning tap
    /// (`MaxPoolTraining`), for the backward pass of the convolution before it.
    var poolWinners: [UInt8] = []
    var recurrent: RecurrentTrainingStep.Saved?
    /// The Keras mask the step read (N*T values; nil: none) and the one its output carries.
    var inputMask: [Bool]?
    var outputMask: [Bool]?
    /// TimeDistributed: what each wrapped step kept.
    var inner: [Saved] = []
  }

  let name: String
  let className: String
  /// `var`: a recurrent step binds its variables inside its operation (`Trainer`).
  var operation: Operation
  /// What the layer does with its input's Keras mask (as in the forward pass).
  let maskEffect: MaskEffect
  /// Indices into the trainer's variables: kernel then bias, or gamma then beta (nil when absent).
  var first: Int?
  var second: Int?
  /// SeparableConv's pointwise kernel.
  var third: Int?
  /// DepthwiseConv: its kernel (K..., C, M) is the kernel (K..., 1, C x M) of a convolution with
  /// C groups (same values, same order), so the convolution's passes train it.
  var depthwise = false
  /// Keras 3's Dense: the bias gradient is the `reduce_sum` of `ops.add`'s gradient, not
  /// tf-keras' BiasAddGrad (`DenseGradient.backward`'s `biasBySum`).
  var biasBySum = false
  /// Keras names of the moving statistics (BatchNormalization).
  var movingMean = ""
  var movingVariance = ""

  /// The activation the step ends with, when the loss may read its input as logits.
  var finalActivation: ActivationFunction? {
    switch operation {
    case .dense(let activation), .convolution(_, _, _, _, let activation),
      .separable(_, _, _, _, let activation), .transposed(_, _, _, _, let activation),
      .activation(let activation):
      return activation
    default: return nil
    }
  }

  /// Reads a layer's configuration; refuses layers and settings without a backward pass here.
  init(instance: LayerInstance) throws(TrainingError) {
    let layer = instance.layer
    if let refusal = layer.common.arguments.activationRefusal {
      throw TrainingError(.model, refusal)
    }
    if let refusal = layer.common.arguments.precisionRefusal(layer: instance.name) {
      throw TrainingError(.model, refusal)
    }
    let plan = try layer.trainingPlan(TrainingPreparation(instance: instance))
    operation = plan.operation
    depthwise = plan.depthwise
    name = instance.name
    className = layer.className
    maskEffect = layer.maskEffect
  }

  /// The kernel of a convolution step, (K..., C/groups, F).
  func convolutionKernel(variables: [[Float]], shapes: [[Int]]) -> Tensor {
    var shape = shapes[first!]
    if depthwise {
      // (K..., C, M) -> (K..., 1, C x M)
      let multiplier = shape.removeLast()
      let channels = shape.removeLast()
      shape += [1, channels * multiplier]
    }
    return Tensor(validShape: shape, scalars: variables[first!])
  }

  // MARK: Forward

  /// input (N, ...) -> output `outputShape`, in training mode or (`training` false) inference mode.
  /// `fusesBiasAdd`: tf-keras' `fit` (a `tf.function`, whose loss reads every output) runs a
  /// Dense layer's `MatMul` and `BiasAdd` as one fused op (`ForwardStep.fusesBiasAdd`).
  func forward(
    _ input: Tensor, outputShape: [Int], variables: [[Float]], shapes: [[Int]],
    state: inout [String: [Float]], training: Bool, generator: inout SeededGenerator,
    threads: Int, workspace: GradientWorkspace = GradientWorkspace(), mask: [Bool]? = nil,
    inGraph: Bool = false, keras3: Bool = false, engine: TensorFlowEngine,
    fusesBiasAdd: Bool = false
  ) throws(TrainingError) -> (output: Tensor, saved: Saved) {
    let result = try forwardLayer(
      input, outputShape: outputShape, variables: variables, shapes: shapes, state: &state,
      training: training, generator: &generator, threads: threads, workspace: workspace,
      mask: mask, inGraph: inGraph, keras3: keras3, engine: engine, fusesBiasAdd: fusesBiasAdd)
    var saved = result.saved
    saved.inputMask = mask
    switch maskEffect {
    case .carry: saved.outputMask = mask
    case .drop: saved.outputMask = nil
    case .own:
      switch operation {
      case .embedding: saved.outputMask = RecurrentKernel.nonZeroMask(input)
      case .recurrent(let recurrent): saved.outputMask = recurrent.returnsSequences ? mask : nil
      default: break
      }
    }
    return (result.output, saved)
  }

  private func forwardLayer(
    _ input: Tensor, outputShape: [Int], variables: [[Float]], shapes: [[Int]],
    state: inout [String: [Float]], training: Bool, generator: inout SeededGenerator,
    threads: Int, workspace: GradientWorkspace, mask: [Bool]?, inGraph: Bool, keras3: Bool,
    engine: TensorFlowEngine, fusesBiasAdd: Bool
  ) throws(TrainingError) -> (output: Tensor, saved: Saved) {
    var saved = Saved(input: input)
    // Dense and convolutions apply a plain ReLU in their kernels' epilogue.
    let fusedReLU: Bool
    switch operation {
    case .dense, .convolution, .separable, .transposed: fusedReLU = true
    default: fusedReLU = false
    }
    func tensor(_ index: Int?) -> Tensor? {
      index.map { Tensor(validShape: shapes[$0], scalars: variables[$0]) }
    }
    func kernelCall<T>(_ body: () throws(KernelError) -> T) throws(TrainingError) -> T {
      do {
        return try body()
      } catch {
        throw TrainingError(.kernel, "layer \"\(name)\": \(error.message)")
      }
    }
    func activate(_ function: ActivationFunction, _ value: Tensor) throws(TrainingError) -> Tensor {
      if function == .relu(), fusedReLU {
        // The kernel applied it: relu'(z) = z > 0 = y > 0, so the output serves as z.
        saved.preActivation = value.scalars
        saved.output = value.scalars
        return value
      }
      saved.preActivation = value.scalars
      guard function != .linear else {
        saved.output = value.scalars
        return value
      }
      let result = try kernelCall { () throws(KernelError) in
        try ActivationKernel.apply(function, to: value, threads: threads, engine: engine)
      }
      saved.output = result.scalars
      return result
    }
    switch operation {
    case .dense(let function):
      let kernel = tensor(first)!
      let packed = try kernelCall { () throws(KernelError) in
        try PackedDenseWeights(kernel: kernel, bias: tensor(second))
      }
      let linear = try kernelCall { () throws(KernelError) in
        // A single unit's order is the engine's. Two units or more take TensorFlow's MatMul
        // order under Eigen in both Kerases (`DenseKernel`): measured on 14 seeded fits of small
        // Dense nets, the histories matched in 11 (tf-keras, 8 before) and 11 (Keras 3, 7
        // before).
        // tf-keras' fit fuses MatMul and BiasAdd (`ForwardStep.fusesBiasAdd`): a single unit
        // with a bias sums as `TensorFlowDot` there (script 1134). Keras 3 adds its bias with
        // `ops.add`, which Grappler leaves apart without oneDNN, and runs no XLA on a machine
        // without an accelerator: its MatMul is Eigen's matrix-vector product (`DenseKernel`'s
        // engine order), in fit and in a tf.function's tape alike (script 1302).
        try DenseKernel.apply(
          input, weights: packed, activation: function == .relu() ? .relu : .linear,
          threads: threads, engine: !keras3 && fusesBiasAdd && second != nil ? .oneDNN : engine,
          order: engine == .eigen ? .tensorFlowKernels : .chains)
      }
      if inGraph, engine == .oneDNN, second != nil, function == .sigmoid, input.rank == 2 {
        // Fused with the matmul and bias in a tf.function with oneDNN on
        // (`ForwardStep.fusesSigmoid`).
        saved.preActivation = linear.scalars
        let output = linear.scalars.map(TensorFlowSigmoid.oneDNN)
        saved.output = output
        return (Tensor(validShape: linear.shape, scalars: output), saved)
      }
      return (try activate(function, linear), saved)
    case .convolution(let groups, let strides, let dilations, let padding, let function):
      let kernel = convolutionKernel(variables: variables, shapes: shapes)
      let pads = ForwardStep.padding(
        padding, input: input.shape, kernel: Array(kernel.shape.dropLast(2)), strides: strides,
        dilations: dilations)
      let packed = try kernelCall { () throws(KernelError) in
        try PackedConvolutionWeights(kernel: kernel, bias: tensor(second), groups: groups)
      }
      try kernelCall { () throws(KernelError) in
        // `fit` runs TensorFlow's own Conv2D: its order under the Eigen engine (2-D; a Conv1D
        // keeps the chains: a Keras 3 Embedding + Conv1D + GlobalMaxPooling1D fit, whose maxima
        // tie, then picks other winners than Keras' training cell `embedding` shows).
        try ConvolutionKernel.convolve(
          input, weights: packed, strides: strides, dilations: dilations, padding: pads,
          activation: function == .relu() ? .relu : .linear, threads: threads,
          order: engine == .eigen && kernel.rank == 4 ? .tensorFlowKernels : .chains,
          into: &workspace.output)
      }
      return (try activate(function, workspace.output), saved)
    case .separable(let groups, let strides, let dilations, let padding, let function):
      let depthwiseKernel = convolutionKernel(variables: variables, shapes: shapes)
      let rank = depthwiseKernel.rank - 2
      let pads = ForwardStep.padding(
        padding, input: input.shape, kernel: Array(depthwiseKernel.shape.prefix(rank)),
        strides: strides, dilations: dilations)
      let depthwisePacked = try kernelCall { () throws(KernelError) in
        try PackedConvolutionWeights(kernel: depthwiseKernel, bias: nil, groups: groups)
      }
      let pointwisePacked = try kernelCall { () throws(KernelError) in
        try PackedConvolutionWeights(kernel: tensor(third)!, bias: tensor(second))
      }
      let ones = Array(repeating: 1, count: rank)
      try kernelCall { () throws(KernelError) in
        try ConvolutionKernel.convolve(
          input, weights: depthwisePacked, strides: strides, dilations: dilations, padding: pads,
          threads: threads, into: &workspace.intermediate)
        try ConvolutionKernel.convolve(
          workspace.intermediate, weights: pointwisePacked, strides: ones, dilations: ones,
          padding: .valid(rank: rank), activation: function == .relu() ? .relu : .linear,
          threads: threads, into: &workspace.output)
      }
      saved.intermediate = workspace.intermediate
      return (try activate(function, workspace.output), saved)
    case .transposed(let strides, let dilations, let padding, let outputPadding, let function):
      let packed = try kernelCall { () throws(KernelError) in
        try PackedTransposedConvolutionWeights(kernel: tensor(first)!, bias: tensor(second))
      }
      let linear = try kernelCall { () throws(KernelError) in
        try TransposedConvolutionKernel.convolve(
          input, weights: packed, strides: strides, dilations: dilations,
          padding: padding == .same ? .same : .valid, outputPadding: outputPadding,
          activation: function == .relu() ? .relu : .linear, threads: threads,
          order: engine == .eigen ? .tensorFlowKernels : .chains)
      }
      saved.outputShape = linear.shape
      return (try activate(function, linear), saved)
    case .layerNormalization(let epsilon):
      let features = input.shape[input.rank - 1]
      let (output, normalization) = LayerNormalizationTraining.forward(
        input.scalars, features: features, gamma: first.map { variables[$0] },
        beta: second.map { variables[$0] }, epsilon: epsilon)
      saved.layerNormalization = normalization
      return (Tensor(validShape: input.shape, scalars: output), saved)
    case .pooling(let mode, let poolSize, let strides, let padding):
      if training, mode == .max, poolSize == strides, padding == .valid,
        MaxPoolTraining.applies(inputShape: input.shape, poolSize: poolSize)
      {
        try kernelCall { () throws(KernelError) in
          try MaxPoolTraining.forward(
            input, poolSize: poolSize, threads: threads, into: &workspace.output,
            winners: &workspace.winners)
        }
        saved.poolWinners = workspace.winners
        return (workspace.output, saved)
      }
      let pads = ForwardStep.padding(
        padding, input: input.shape, kernel: poolSize, strides: strides,
        dilations: poolSize.map { _ in 1 })
      try kernelCall { () throws(KernelError) in
        try PoolingKernel.pool(
          input, mode: mode, poolSize: poolSize, strides: strides, padding: pads,
          threads: threads, into: &workspace.output)
      }
      return (workspace.output, saved)
    case .globalPooling(.average) where mask != nil && input.rank == 3:
      // tf-keras' GlobalAveragePooling1D averages the steps the mask keeps.
      let output = try kernelCall { () throws(KernelError) in
        try RecurrentKernel.maskedAverage(input, mask: mask!, keepDims: outputShape.count == 3)
      }
      return (output, saved)
    case .globalPooling(let mode):
      // The forward pass' kernel: averages are TensorFlow's reduce_mean sums.
      let pooled = try kernelCall { () throws(KernelError) in
        try GlobalPoolingKernel.pool(input, mode: mode)
      }
      return (Tensor(validShape: outputShape, scalars: pooled.scalars), saved)
    case .batchNormalization(let layer):
      let channels = input.shape[input.rank - 1]
      let gamma = first.map { variables[$0] }
      let beta = second.map { variables[$0] }
      let epsilon = Float(layer.epsilon)
      if training {
        // TensorFlow's own computation for the Keras in use (checked when the step was made).
        let formula =
          layer.trainingFormula(inputRank: input.rank, keras3: keras3)
          ?? (keras3 ? .keras3 : .unfused)
        var mean = state[movingMean] ?? [Float](repeating: 0, count: channels)
        var variance = state[movingVariance] ?? [Float](repeating: 1, count: channels)
        let (output, normalization) = BatchNormalizationTraining.tensorFlow(
          input.scalars, channels: channels, gamma: gamma, beta: beta, epsilon: layer.epsilon,
          momentum: layer.momentum, movingMean: &mean, movingVariance: &variance,
          formula: formula)
        saved.normalization = normalization
        state[movingMean] = mean
        state[movingVariance] = variance
        return (Tensor(validShape: input.shape, scalars: output), saved)
      }
      let mean = state[movingMean] ?? []
      let variance = state[movingVariance] ?? []
      var values = input.scalars
      let inverse = variance.map { 1 / ($0 + epsilon).squareRoot() }
      saved.inferenceScale = (0..<channels).map { inverse[$0] * (gamma?[$0] ?? 1) }
      for i in values.indices {
        let c = i % channels
        values[i] = (values[i] - mean[c]) * inverse[c] * (gamma?[c] ?? 1) + (beta?[c] ?? 0)
      }
      return (Tensor(validShape: input.shape, scalars: values), saved)
    case .dropout(let rate, let spatial, let seeds):
      guard training, rate > 0 else { return (input, saved) }
      if let seeds, rate < 1 {
        let values = seeds.generator.drop(
          input.scalars, shape: input.shape, rate: seeds.rate, spatial: spatial,
          mask: &saved.mask)
        return (Tensor(validShape: input.shape, scalars: values), saved)
      }
      saved.mask = DropoutMask.draw(
        shape: input.shape, rate: rate, spatial: spatial, generator: &generator)
      var values = input.scalars
      for i in values.indices { values[i] *= saved.mask[i] }
      return (Tensor(validShape: input.shape, scalars: values), saved)
    case .activation(let function):
      return (try activate(function, input), saved)
    case .reshape:
      return (Tensor(validShape: outputShape, scalars: input.scalars), saved)
    case .zeroPadding(let padding):
      let output = try kernelCall { () throws(KernelError) in
        try ZeroPaddingKernel.pad(input, padding: padding)
      }
      return (output, saved)
    case .cropping(let cropping):
      let output = try kernelCall { () throws(KernelError) in
        try CroppingKernel.crop(input, cropping: cropping)
      }
      return (output, saved)
    case .upSampling(let size):
      let output = try kernelCall { () throws(KernelError) in
        try UpSamplingKernel.upsample(input, size: size)
      }
      return (output, saved)
    case .repeatVector(let count):
      let output = try kernelCall { () throws(KernelError) in
        try RepeatVectorKernel.repeatRows(input, count: count)
      }
      return (output, saved)
    case .rescaling(let scale, let offset):
      var output = input
      PreprocessingKernels.rescale(&output, scale: scale, offset: offset, threads: threads)
      return (output, saved)
    case .identity:
      return (input, saved)
    case .embedding:
      let output = try kernelCall { () throws(KernelError) in
        try PreprocessingKernels.embed(input, table: tensor(first)!)
      }
      return (output, saved)
    case .weightValue:
      guard let value = tensor(first) else {
        throw TrainingError(.weights, "layer \"\(name)\" has no variable to train")
      }
      return (value, saved)
    case .recurrent(let recurrent):
      let (output, kept) = try recurrent.forward(
        input, mask: mask, variables: variables, shapes: shapes, training: training,
        generator: &generator, threads: threads, name: name)
      saved.recurrent = kept
      return (output, saved)
    case .masking(let value):
      var tensor = input
      saved.outputMask = RecurrentKernel.applyMasking(&tensor, value: value)
      return (tensor, saved)
    case .timeDistributed(let wrapper, let inner):
      let rows = input.shape[0] * input.shape[1]
      var current = Tensor(validShape: [rows] + input.shape.dropFirst(2), scalars: input.scalars)
      for (k, (step, layer)) in zip(inner, wrapper.stepLayers).enumerated() {
        var shape = [rows] + outputShape.dropFirst(2)
        if k < inner.count - 1 {
          do {
            let given = TensorShape(current.shape.map { Optional($0) })
            shape = try layer.outputShape(for: given).dimensions.map { $0 ?? 0 }
          } catch {
            throw TrainingError(.data, "layer \"\(step.name)\": \(error.message)")
          }
        }
        let (output, kept) = try step.forward(
          current, outputShape: shape, variables: variables, shapes: shapes, state: &state,
          training: training, generator: &generator, threads: threads, keras3: keras3,
          engine: engine)
        saved.inner.append(kept)
        current = output
      }
      return (Tensor(validShape: outputShape, scalars: current.scalars), saved)
    }
  }

  /// A call with several outputs or initial states (a recurrent layer's `return_state=True`,
  /// `initial_state=`, `Bidirectional(merge_mode=None)`): `inputs` are the input then the
  /// states; returns Keras' outputs in order.
  func forwardSeveral(
    _ inputs: [Tensor], variables: [[Float]], shapes: [[Int]], training: Bool,
    generator: inout SeededGenerator, threads: Int, mask: [Bool]? = nil
  ) throws(TrainingError) -> (outputs: [Tensor], saved: Saved) {
    guard case .recurrent(let recurrent) = operation else {
      throw TrainingError(
        .model,
        "ConvBook cannot train a model with a layer call that returns several tensors or takes initial states yet (layer \"\(name)\")"
      )
    }
    var saved = Saved(input: inputs[0])
    let (outputs, kept) = try recurrent.forwardSeveral(
      inputs[0], states: Array(inputs.dropFirst()), mask: mask, variables: variables,
      shapes: shapes, training: training, generator: &generator, threads: threads, name: name)
    saved.recurrent = kept
    saved.inputMask = mask
    saved.outputMask = recurrent.returnsSequences ? mask : nil
    return (outputs, saved)
  }

  /// The gradients of `forwardSeveral`'s outputs (nil: none reached that output) -> the
  /// input's gradient (nil when not needed), then each initial state's.
  func backwardSeveral(
    _ outputGradients: [[Float]?], saved: Saved, variables: [[Float]], shapes: [[Int]],
    gradients: inout [[Float]], needsInputGradient: Bool, threads: Int
  ) throws(TrainingError) -> [[Float]?] {
    guard case .recurrent(let recurrent) = operation, let kept = saved.recurrent else {
      throw TrainingError(.kernel, "layer \"\(name)\": the forward pass kept no recurrence")
    }
    return try recurrent.backwardSeveral(
      outputGradients, saved: kept, variables: variables, shapes: shapes,
      gradients: &gradients, needsInputGradient: needsInputGradient, threads: threads,
      name: name)
  }

  // MARK: Backward

  /// A variable's gradient from one call: stored when it is the first (`gradients[index]` empty),
  /// added to the earlier calls' otherwise (a layer called twice).
  static func store(_ values: [Float], at index: Int, in gradients: inout [[Float]]) {
    guard !gradients[index].isEmpty else {
      gradients[index] = values
      return
    }
    for i in values.indices { gradients[index][i] += values[i] }
  }

  /// outputGradient (the step's output shape) -> input gradient (nil when not needed); adds the
  /// gradients of the step's variables to `gradients` (empty arrays for none yet). With `skipActivation`, the gradient is
  /// already with respect to the pre-activation (the loss read the logits).
  ///
  /// `pooled` (convolutions ending in a plain ReLU or linear): the output gradient is instead the
  /// gradient of a tiled max pooling of this step's output (`pooledGradient`), routed through
  /// that pooling here.
  func backward(
    _ outputGradient: [Float], saved: Saved, variables: [[Float]], shapes: [[Int]],
    gradients: inout [[Float]], skipActivation: Bool, needsInputGradient: Bool, threads: Int,
    workspace: GradientWorkspace = GradientWorkspace(),
    pooled: (gradient: Tensor, poolSize: [Int], winners: [UInt8])? = nil,
    matMulOrder: DenseGradient.Order = .chains
  ) throws(TrainingError) -> [Float]? {
    func kernelCall<T>(_ body: () throws(KernelError) -> T) throws(TrainingError) -> T {
      do {
        return try body()
      } catch {
        throw TrainingError(.kernel, "layer \"\(name)\": \(error.message)")
      }
    }
    /// `lastAxis`: the output's last axis (softmax's), which for Dense and the convolutions is
    /// their units or filters, not the input's.
    func throughActivation(_ function: ActivationFunction, lastAxis: Int) -> [Float] {
      if skipActivation || function == .linear { return outputGradient }
      return ActivationGradient.backward(
        function, preActivation: saved.preActivation, output: saved.output,
        outputGradient: outputGradient, lastAxis: lastAxis)
    }
    switch operation {
    case .dense(let function):
      let kernel = Tensor(validShape: shapes[first!], scalars: variables[first!])
      let linear = throughActivation(function, lastAxis: kernel.shape[1])
      let outputShape = Array(saved.input.shape.dropLast()) + [kernel.shape[1]]
      let result = try kernelCall { () throws(KernelError) in
        try DenseGradient.backward(
          input: saved.input, kernel: kernel,
          outputGradient: Tensor(validShape: outputShape, scalars: linear),
          needsInputGradient: needsInputGradient, threads: threads, biasBySum: biasBySum,
          order: matMulOrder)
      }
      Self.store(result.kernel.scalars, at: first!, in: &gradients)
      if let second { Self.store(result.bias.scalars, at: second, in: &gradients) }
      return result.input?.scalars
    case .convolution(let groups, let strides, let dilations, let padding, let function):
      let kernel = convolutionKernel(variables: variables, shapes: shapes)
      // A plain ReLU the kernel applied: its derivative (output > 0) is fused into the backward
      // pass' packing of the output gradient.
      let fusedReLU = !skipActivation && function == .relu()
      let linear =
        fusedReLU ? outputGradient : throughActivation(function, lastAxis: kernel.shape.last!)
      let pads = ForwardStep.padding(
        padding, input: saved.input.shape, kernel: Array(kernel.shape.dropLast(2)),
        strides: strides, dilations: dilations)
      let outputSize = pads.outputSize(
        inputSize: Array(saved.input.shape.dropFirst().dropLast()),
        kernelSize: Array(kernel.shape.dropLast(2)), strides: strides, dilations: dilations)
      let outputShape = [saved.input.shape[0]] + outputSize + [kernel.shape.last!]
      if case .tensorFlow = matMulOrder,
        ConvolutionGradient.followsTensorFlow(
          input: saved.input.shape, kernel: kernel.shape,
          outputPositions: outputShape.dropLast().reduce(1, *), groups: groups,
          dilations: dilations)
      {
        // Under the Eigen engine (the trainer's MatMul order says which): TensorFlow's
        // Conv2DBackpropFilter / Conv2DBackpropInput orders (a tiled pooling's gradient routed to
        // its winners while dY is packed, a fused ReLU's mask applied).
        let result = try kernelCall { () throws(KernelError) in
          if let pooled {
            return try ConvolutionGradient.tensorFlowBackward(
              input: saved.input, kernel: kernel, strides: strides, padding: pads,
              pooled: ConvolutionGradient.PooledOutputGradient(
                gradient: pooled.gradient, poolSize: pooled.poolSize, winners: pooled.winners,
                outputShape: outputShape, relu: fusedReLU),
              needsInputGradient: needsInputGradient, threads: threads, workspace: workspace)
          }
          let gradient =
            fusedReLU
            ? Tensor(
              validShape: outputShape, scalars: zip(linear, saved.output).map { $1 > 0 ? $0 : 0 })
            : Tensor(validShape: outputShape, scalars: linear)
          return try ConvolutionGradient.tensorFlowBackward(
            input: saved.input, kernel: kernel, strides: strides, padding: pads,
            outputGradient: gradient, needsInputGradient: needsInputGradient, threads: threads,
            workspace: workspace)
        }
        Self.store(result.kernel.scalars, at: first!, in: &gradients)
        if let second { Self.store(result.bias.scalars, at: second, in: &gradients) }
        return result.input?.scalars
      }
      if let pooled {
        let result = try kernelCall { () throws(KernelError) in
          try ConvolutionGradient.backward(
            input: saved.input, kernel: kernel, groups: groups, strides: strides,
            dilations: dilations, padding: pads,
            pooled: ConvolutionGradient.PooledOutputGradient(
              gradient: pooled.gradient, poolSize: pooled.poolSize, winners: pooled.winners,
              outputShape: outputShape, relu: fusedReLU),
            needsInputGradient: needsInputGradient, threads: threads, workspace: workspace)
        }
        Self.store(result.kernel.scalars, at: first!, in: &gradients)
        if let second { Self.store(result.bias.scalars, at: second, in: &gradients) }
        return result.input?.scalars
      }
      let result = try kernelCall { () throws(KernelError) in
        try ConvolutionGradient.backward(
          input: saved.input, kernel: kernel, groups: groups, strides: strides,
          dilations: dilations, padding: pads,
          outputGradient: Tensor(validShape: outputShape, scalars: linear),
          reluOutput: fusedReLU ? Tensor(validShape: outputShape, scalars: saved.output) : nil,
          needsInputGradient: needsInputGradient, threads: threads, workspace: workspace)
      }
      Self.store(result.kernel.scalars, at: first!, in: &gradients)
      if let second { Self.store(result.bias.scalars, at: second, in: &gradients) }
      return result.input?.scalars
    case .separable(let groups, let strides, let dilations, let padding, let function):
      let depthwiseKernel = convolutionKernel(variables: variables, shapes: shapes)
      let rank = depthwiseKernel.rank - 2
      let intermediate = saved.intermediate!
      let pointwise = Tensor(validShape: shapes[third!], scalars: variables[third!])
      let fusedReLU = !skipActivation && function == .relu()
      let linear =
        fusedReLU ? outputGradient : throughActivation(function, lastAxis: pointwise.shape.last!)
      let outputShape = Array(intermediate.shape.dropLast()) + [pointwise.shape.last!]
      let ones = Array(repeating: 1, count: rank)
      let pointwiseResult = try kernelCall { () throws(KernelError) in
        try ConvolutionGradient.backward(
          input: intermediate, kernel: pointwise, groups: 1, strides: ones, dilations: ones,
          padding: .valid(rank: rank),
          outputGradient: Tensor(validShape: outputShape, scalars: linear),
          reluOutput: fusedReLU ? Tensor(validShape: outputShape, scalars: saved.output) : nil,
          needsInputGradient: true, threads: threads, workspace: workspace.inner)
      }
      Self.store(pointwiseResult.kernel.scalars, at: third!, in: &gradients)
      if let second { Self.store(pointwiseResult.bias.scalars, at: second, in: &gradients) }
      let pads = ForwardStep.padding(
        padding, input: saved.input.shape, kernel: Array(depthwiseKernel.shape.prefix(rank)),
        strides: strides, dilations: dilations)
      let depthwiseResult = try kernelCall { () throws(KernelError) in
        try ConvolutionGradient.backward(
          input: saved.input, kernel: depthwiseKernel, groups: groups, strides: strides,
          dilations: dilations, padding: pads, outputGradient: pointwiseResult.input!,
          needsInputGradient: needsInputGradient, threads: threads, workspace: workspace)
      }
      Self.store(depthwiseResult.kernel.scalars, at: first!, in: &gradients)
      return depthwiseResult.input?.scalars
    case .transposed(let strides, let dilations, let padding, _, let function):
      // y = C^T x for the convolution C with this kernel from y's shape to x's; so
      // dx = C(dy) and dW is C's kernel gradient with input dy and output gradient x.
      let kernel = Tensor(validShape: shapes[first!], scalars: variables[first!])
      let rank = kernel.rank - 2
      let linear = throughActivation(function, lastAxis: kernel.shape[rank])
      let gradient = Tensor(validShape: saved.outputShape, scalars: linear)
      let pads = ForwardStep.padding(
        padding, input: saved.outputShape, kernel: Array(kernel.shape.prefix(rank)),
        strides: strides, dilations: dilations)
      let result = try kernelCall { () throws(KernelError) in
        try ConvolutionGradient.backward(
          input: gradient, kernel: kernel, groups: 1, strides: strides, dilations: dilations,
          padding: pads, outputGradient: saved.input, needsInputGradient: false,
          threads: threads, workspace: workspace)
      }
      Self.store(result.kernel.scalars, at: first!, in: &gradients)
      if let second {
        let filters = kernel.shape[rank]
        Self.store(
          GradientMath.columnSums(linear, rows: linear.count / max(1, filters), columns: filters),
          at: second, in: &gradients)
      }
      guard needsInputGradient else { return nil }
      let inputGradient = try kernelCall { () throws(KernelError) in
        try ConvolutionKernel.convolve(
          gradient, kernel: kernel, strides: strides, dilations: dilations, padding: pads,
          threads: threads)
      }
      guard inputGradient.shape == saved.input.shape else {
        throw TrainingError(
          .kernel,
          "layer \"\(name)\": transposed convolution input gradient has shape \(inputGradient.shape), expected \(saved.input.shape)"
        )
      }
      return inputGradient.scalars
    case .layerNormalization:
      guard let normalization = saved.layerNormalization else { return outputGradient }
      let result = LayerNormalizationTraining.backward(
        outputGradient, saved: normalization, features: saved.input.shape.last!,
        gamma: first.map { variables[$0] })
      if let first { Self.store(result.gamma, at: first, in: &gradients) }
      if let second { Self.store(result.beta, at: second, in: &gradients) }
      return needsInputGradient ? result.input : nil
    case .pooling(let mode, let poolSize, let strides, let padding):
      guard needsInputGradient else { return nil }
      let pads = ForwardStep.padding(
        padding, input: saved.input.shape, kernel: poolSize, strides: strides,
        dilations: poolSize.map { _ in 1 })
      let outputSize = pads.outputSize(
        inputSize: Array(saved.input.shape.dropFirst().dropLast()), kernelSize: poolSize,
        strides: strides, dilations: poolSize.map { _ in 1 })
      let outputShape = [saved.input.shape[0]] + outputSize + [saved.input.shape.last!]
      try kernelCall { () throws(KernelError) in
        try PoolingGradient.backward(
          input: saved.input, mode: mode, poolSize: poolSize, strides: strides, padding: pads,
          outputGradient: Tensor(validShape: outputShape, scalars: outputGradient),
          threads: threads, into: &workspace.inputGradient)
      }
      return workspace.inputGradient.scalars
    case .globalPooling(.average) where saved.inputMask != nil && saved.input.rank == 3:
      guard needsInputGradient, let mask = saved.inputMask else { return nil }
      // Each kept step gets the output's gradient over the number of kept steps.
      let (batch, steps, channels) = (
        saved.input.shape[0], saved.input.shape[1], saved.input.shape[2]
      )
      var values = [Float](repeating: 0, count: saved.input.count)
      for n in 0..<batch {
        var kept: Float = 0
        for t in 0..<steps where mask[n * steps + t] { kept += 1 }
        for t in 0..<steps where mask[n * steps + t] {
          for c in 0..<channels {
            values[(n * steps + t) * channels + c] = outputGradient[n * channels + c] / kept
          }
        }
      }
      return values
    case .globalPooling(let mode):
      guard needsInputGradient else { return nil }
      let channels = saved.input.shape.last!
      return PoolingGradient.globalBackward(
        input: saved.input, mode: mode,
        outputGradient: Tensor(
          validShape: [saved.input.shape[0], channels], scalars: outputGradient)
      ).scalars
    case .batchNormalization:
      guard let normalization = saved.normalization else {
        // Inference mode (a frozen layer): an affine map per channel; its weights do not train.
        guard needsInputGradient else { return nil }
        let scale = saved.inferenceScale
        let channels = max(1, scale.count)
        return outputGradient.indices.map { outputGradient[$0] * scale[$0 % channels] }
      }
      let channels = saved.input.shape.last!
      let result = BatchNormalizationTraining.backward(
        outputGradient, saved: normalization, channels: channels,
        gamma: first.map { variables[$0] })
      if let first { Self.store(result.gamma, at: first, in: &gradients) }
      if let second { Self.store(result.beta, at: second, in: &gradients) }
      return needsInputGradient ? result.input : nil
    case .dropout:
      guard !saved.mask.isEmpty else { return outputGradient }
      var values = outputGradient
      for i in values.indices { values[i] *= saved.mask[i] }
      return values
    case .activation(let function):
      return throughActivation(function, lastAxis: saved.input.shape.last ?? 1)
    case .reshape, .identity:
      return outputGradient
    case .rescaling(let scale, _):
      guard needsInputGradient else { return nil }
      return outputGradient.map { $0 * scale }
    case .zeroPadding(let padding), .cropping(let padding):
      guard needsInputGradient else { return nil }
      var outputShape = saved.input.shape
      for axis in 0..<padding.rank {
        let change = padding.before[axis] + padding.after[axis]
        if case .zeroPadding = operation {
          outputShape[axis + 1] += change
        } else {
          outputShape[axis + 1] -= change
        }
      }
      let gradient = Tensor(validShape: outputShape, scalars: outputGradient)
      let result = try kernelCall { () throws(KernelError) in
        if case .zeroPadding = operation {
          return try CroppingKernel.crop(gradient, cropping: padding)
        }
        return try ZeroPaddingKernel.pad(gradient, padding: padding)
      }
      return result.scalars
    case .repeatVector(let count):
      guard needsInputGradient else { return nil }
      let shape = saved.input.shape
      return EigenSum.preservingInner(
        outputGradient, outer: shape[0], size: count, inner: shape.count > 1 ? shape[1] : 1)
    case .upSampling(let size):
      guard needsInputGradient else { return nil }
      var outputShape = saved.input.shape
      for axis in 0..<size.count { outputShape[axis + 1] *= size[axis] }
      let result = try kernelCall { () throws(KernelError) in
        try UpSamplingKernel.gradient(
          Tensor(validShape: outputShape, scalars: outputGradient), size: size,
          inputShape: saved.input.shape)
      }
      return result.scalars
    case .embedding:
      let table = shapes[first!]
      let gradient = try kernelCall { () throws(KernelError) in
        try EmbeddingGradient.tableGradient(
          ids: saved.input.scalars, outputGradient: outputGradient, vocabulary: table[0],
          depth: table[1])
      }
      Self.store(gradient, at: first!, in: &gradients)
      // Integer ids have no gradient.
      return needsInputGradient ? [Float](repeating: 0, count: saved.input.count) : nil
    case .weightValue:
      if let first { Self.store(outputGradient, at: first, in: &gradients) }
      return needsInputGradient ? [Float](repeating: 0, count: saved.input.count) : nil
    case .recurrent(let recurrent):
      guard let kept = saved.recurrent else {
        throw TrainingError(.kernel, "layer \"\(name)\": the forward pass kept no recurrence")
      }
      return try recurrent.backward(
        outputGradient, saved: kept, variables: variables, shapes: shapes,
        gradients: &gradients, needsInputGradient: needsInputGradient, threads: threads,
        name: name)
    case .timeDistributed(_, let inner):
      var gradient = outputGradient
      for k in inner.indices.reversed() {
        guard
          let next = try inner[k].backward(
            gradient, saved: saved.inner[k], variables: variables, shapes: shapes,
            gradients: &gradients, skipActivation: false,
            needsInputGradient: k > 0 || needsInputGradient, threads: threads,
            matMulOrder: matMulOrder)
        else { return nil }
        gradient = next
      }
      return gradient
    case .masking:
      guard needsInputGradient else { return nil }
      guard let kept = saved.outputMask else { return outputGradient }
      let features = saved.input.shape.last ?? 1
      var values = outputGradient
      for (step, isKept) in kept.enumerated() where !isKept {
        for i in (step * features)..<((step + 1) * features) { values[i] = 0 }
      }
      return values
    }
  }

  /// Whether a tiled max pooling right after this step may hand its output gradient to this
  /// step's backward pass (`backward(pooled:)`): a convolution ending in a plain ReLU (fused in
  /// its kernels) or linear.
  var takesPooledGradient: Bool {
    guard case .convolution(_, _, _, _, let activation) = operation else { return false }
    return activation == .relu() || activation == .linear
  }

  /// A max pooling whose forward pass recorded its winners (windows that tile its input): its
  /// output gradient, pool size and winners, for the convolution before it (nil otherwise).
  func pooledGradient(_ outputGradient: [Float], saved: Saved) -> (
    gradient: Tensor, poolSize: [Int], winners: [UInt8]
  )? {
    guard case .pooling(.max, let poolSize, _, _) = operation, !saved.poolWinners.isEmpty,
      saved.poolWinners.count == outputGradient.count
    else { return nil }
    let spatial = (0..<poolSize.count).map { saved.input.shape[1 + $0] / poolSize[$0] }
    let shape = [saved.input.shape[0]] + spatial + [saved.input.shape.last!]
    return (Tensor(validShape: shape, scalars: outputGradient), poolSize, saved.poolWinners)
  }
}

/// A Keras 3 dropout's `SeedGenerator` and its rate (double precision: the scale is
/// float32(1 / (1 - rate)) computed from it).
struct DropoutSeeds {
  let generator: KerasSeedGenerator
  let rate: Double
}
