import CNNKernels

/// A layer called on constant data while a model is being defined, which TensorFlow runs at once
/// (eagerly) instead of adding it to the graph: `layers.Embedding(n, d)(tf.range(n))` gives a
/// constant tensor, a position embedding that the model then adds to a Keras tensor. The layer is
/// built (it has weights, `layer.built` is true) but is not part of any model.
///
/// The weights are drawn as the forward pass draws every weight (`ModelWeights.initialized`: the
/// layer's initializer, a `SeededGenerator` stream named after the weight), so the constant is the
/// same on every run for the same seed; the values are not TensorFlow's.
public enum EagerLayerCall {
  /// `embedding(indices)` for whole-number `indices` of `shape`: shape + [output_dim].
  public static func embedding(
    _ instance: LayerInstance, indices: [Float], shape: [Int], seed: UInt64
  ) throws(KerasError) -> Tensor {
    guard let layer = instance.layer as? Embedding else {
      throw .limitation(
        "ConvBook runs only an Embedding layer on constant data, not \(instance.className)")
    }
    _ = try instance.call(on: TensorShape(shape.map { Optional($0) }))
    for index in indices
    where index < 0 || index >= Float(layer.inputDim) || index != index.rounded() {
      throw .limitation(
        "ConvBook cannot look up \(index) in the Embedding layer \"\(instance.name)\" (input_dim=\(layer.inputDim)): indices must be whole numbers in [0, \(layer.inputDim))"
      )
    }
    guard let spec = instance.weights.first else {
      throw .limitation("the Embedding layer \"\(instance.name)\" has no weights")
    }
    guard spec.count <= ForwardPass.defaultMemoryBudget / 4 else {
      throw .limitation(
        "ConvBook cannot draw the \(spec.count) weights of the Embedding layer \"\(instance.name)\" within its memory budget"
      )
    }
    let table: Tensor
    do {
      table = try WeightInitializer.initialValue(
        of: spec, in: instance, seed: seed, stream: "\(instance.name)/\(spec.name):0")
    } catch {
      throw .limitation(
        "ConvBook cannot draw the weights of the Embedding layer \"\(instance.name)\": \(error.message)"
      )
    }
    let width = layer.outputDim
    var values: [Float] = []
    values.reserveCapacity(indices.count * width)
    let rows = table.scalars
    for index in indices {
      let row = Int(index) * width
      values += rows[row..<(row + width)]
    }
    do {
      return try Tensor(shape: shape + [width], scalars: values)
    } catch {
      throw .limitation("ConvBook cannot hold the Embedding output: \(error.message)")
    }
  }
}

extension EagerLayerCall {
  /// Builds the layer for a call on constant data of `shape` (`x = layer(tf.random.uniform((1, 28,
  /// 28, 1)))`), as its first call builds it; returns the output's shape, which must be known in
  /// full and fit `memoryBudget` (bytes).
  public static func build(_ instance: LayerInstance, for shape: [Int], memoryBudget: Int)
    throws(KerasError) -> [Int]
  {
    guard instance.model == nil else {
      throw .limitation(
        "ConvBook runs a model on constant data as a model (`model(x)`), not as a layer")
    }
    let nodes = instance.nodeOutputShapes.count
    let outputShape = try instance.call(on: TensorShape(shape.map { Optional($0) }))
    // Keras makes no node for a call on data: the layer's summary row, `output_shape` and node
    // indices count its calls on Keras tensors only.
    instance.nodeOutputShapes.truncate(to: nodes)
    return try knownOutput(outputShape, of: instance, memoryBudget: memoryBudget)
  }

  /// Runs `body` (the layer's build and run on data) as the call on data runs the layer: Keras 3
  /// checks a pooling layer's padding text only in `compute_output_shape`, which a call on data
  /// does not reach (TensorFlow's op takes "SAME" or "Same" upper-cased).
  public static func onData<T>(
    _ instance: LayerInstance, _ body: () throws(KerasError) -> T
  ) throws(KerasError) -> T {
    guard var pooling = instance.layer as? Pooling, pooling.keras3RejectedPadding != nil else {
      return try body()
    }
    let original = instance.layer
    pooling.keras3RejectedPadding = nil
    instance.layer = pooling
    defer { instance.layer = original }
    return try body()
  }

  /// The output shape of a call on constant data: known in full, and within `memoryBudget` bytes.
  private static func knownOutput(
    _ outputShape: TensorShape, of instance: LayerInstance, memoryBudget: Int
  ) throws(KerasError) -> [Int] {
    let dimensions = outputShape.dimensions.compactMap { $0 }
    guard dimensions.count == outputShape.rank else {
      throw .limitation(
        "ConvBook cannot run the layer \"\(instance.name)\" on constant data: its output shape \(outputShape) is not known in full"
      )
    }
    var count = 1
    for size in dimensions {
      let (next, overflow) = count.multipliedReportingOverflow(by: size)
      guard !overflow, next <= memoryBudget / 4 else {
        throw .limitation(
          "ConvBook cannot hold the output of the layer \"\(instance.name)\" (shape \(outputShape)) within its memory budget"
        )
      }
      count = next
    }
    return dimensions
  }

  /// Runs a layer built by `build` on constant data, as TensorFlow runs a layer at once in
  /// inference mode: Dropout passes values through, BatchNormalization uses its moving statistics.
  /// `weights`: the layer's current values by Keras variable name (`conv2d/kernel:0`).
  /// input (N, ...) -> `outputShape`
  public static func run(
    _ instance: LayerInstance, on input: Tensor, outputShape: [Int], weights: [String: Tensor],
    keras3: Bool = false, engine: TensorFlowEngine
  ) throws(KerasError) -> Tensor {
    do {
      let step = try ForwardStep(
        instance: instance, weights: ModelWeights(names: weights.keys.sorted(), tensors: weights),
        keras3: keras3, engine: engine)
      var buffers = ActivationBuffers(input: input, idle: [])
      try step.run(&buffers, outputShape: outputShape, threads: 1)
      return buffers.current
    } catch {
      throw .limitation(
        "ConvBook cannot run the layer \"\(instance.name)\" (\(instance.className)) on constant data: \(error.message)"
      )
    }
  }
}

extension EagerLayerCall {
  /// Runs a `BatchNormalization` layer built by `build` on constant data in training mode
  /// (`bn(x, training=True)`), as TensorFlow computes it (`BatchNormalization.trainingFormula`):
  /// normalized with the batch's statistics, the moving statistics moved towards them. Returns the
  /// output and the layer's weights after the call (`weights` with the moving statistics
  /// replaced); nil where the layer is no BatchNormalization.
  public static func runTraining(
    _ instance: LayerInstance, on input: Tensor, weights: [String: Tensor], keras3: Bool
  ) throws(KerasError) -> (output: Tensor, weights: [String: Tensor])? {
    guard let layer = instance.layer as? BatchNormalization else { return nil }
    guard let formula = layer.trainingFormula(inputRank: input.rank, keras3: keras3) else {
      throw .limitation(
        "ConvBook runs BatchNormalization in training mode on data only over the last axis, without renorm, virtual_batch_size or adjustment"
      )
    }
    var named: [String: WeightVariable] = [:]
    for variable in instance.variables { named[variable.spec.name] = variable }
    guard let meanVariable = named["moving_mean"], let varianceVariable = named["moving_variance"],
      var movingMean = weights[meanVariable.name]?.scalars,
      var movingVariance = weights[varianceVariable.name]?.scalars
    else {
      throw .limitation(
        "ConvBook does not hold the moving statistics of the layer \"\(instance.name)\"")
    }
    let channels = input.shape.last ?? 0
    let (output, _) = BatchNormalizationTraining.tensorFlow(
      input.scalars, channels: channels,
      gamma: named["gamma"].flatMap { weights[$0.name]?.scalars },
      beta: named["beta"].flatMap { weights[$0.name]?.scalars }, epsilon: layer.epsilon,
      momentum: layer.momentum, movingMean: &movingMean, movingVariance: &movingVariance,
      formula: formula)
    var updated = weights
    updated[meanVariable.name] = Tensor(validShape: [channels], scalars: movingMean)
    updated[varianceVariable.name] = Tensor(validShape: [channels], scalars: movingVariance)
    return (Tensor(validShape: input.shape, scalars: output), updated)
  }
}

extension EagerLayerCall {
  /// Runs a merge layer (`Add`, `Concatenate`, `Dot`, ...) on a list of constant data, as
  /// TensorFlow runs it at once (`layers.Add()([x, shortcut])` on eager tensors): the call builds
  /// the layer and checks the shapes in Keras' words, then the graph's merge step computes it.
  public static func runMerge(
    _ instance: LayerInstance, on inputs: [Tensor], weights: [String: Tensor], memoryBudget: Int
  ) throws(KerasError) -> Tensor {
    guard instance.layer is Merge || instance.layer is Dot, instance.model == nil,
      let first = inputs.first
    else {
      throw .limitation(
        "ConvBook runs a merge layer (Add, Concatenate, Dot, ...) on a list of constant data, not \(instance.className)"
      )
    }
    let (shapes, _) = try instance.call(
      onInputs: inputs.map { TensorShape($0.shape.map { Optional($0) }) }, asList: true)
    guard shapes.count == 1 else {
      throw .limitation("ConvBook runs layers with one output on constant data")
    }
    let outputShape = try knownOutput(shapes[0], of: instance, memoryBudget: memoryBudget)
    do {
      let step = try MergeStep(
        instance: instance, weights: ModelWeights(names: weights.keys.sorted(), tensors: weights))
      var output = first
      try step.run(&output, Array(inputs.dropFirst()), outputShape: outputShape)
      return output
    } catch {
      throw .limitation(
        "ConvBook cannot run the layer \"\(instance.name)\" (\(instance.className)) on constant data: \(error.message)"
      )
    }
  }
}
