import CNNKernels

/// Keras `TimeDistributed(layer)`: applies `layer` to every step of the second axis, the time axis
/// folded into the batch. (B, T, ...) -> (B, T) + layer's output for (B, ...) without its batch.
///
/// The weights are the wrapped layer's (one set for all steps), named under the wrapper
/// (`time_distributed/kernel:0` in tf-keras). Multiply-accumulates per sample are the wrapped
/// layer's times the steps (0 while the number of steps is unknown, as other layers count unknown
/// sizes).
public struct TimeDistributed: Layer {
  public let common: LayerCommon
  /// The wrapped layer, as passed (a model passed is its `NestedModel`).
  public let wrapped: any Layer

  public var className: String { "TimeDistributed" }

  public static let signature = LayerSignature("TimeDistributed", [.required("layer")])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    wrapped = try Self.checkedLayer(common.arguments, kerasVersion: common.kerasVersion)
  }

  /// The wrapped layer; Keras refuses anything else before its base layer takes a name.
  public static func checkedLayer(_ arguments: LayerArguments, kerasVersion: KerasVersion)
    throws(KerasError) -> any Layer
  {
    guard case .object(let object) = arguments["layer"], let layer = object.layer else {
      let module = kerasVersion == .keras3 ? "keras" : "tf.keras"
      throw .value(
        "Please initialize `TimeDistributed` layer with a `\(module).layers.Layer` instance. Received: \(arguments["layer"].plainDescription)"
      )
    }
    return layer
  }

  /// The input of one step: the time axis removed (tf-keras keeps the batch size unknown).
  func stepShape(_ input: TensorShape) -> TensorShape {
    TensorShape([nil] + input.dimensions.dropFirst(2))
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    if input.rank < 3 {
      let space = common.kerasVersion == .keras3 ? "" : " "
      throw .value(
        "`TimeDistributed` Layer should be passed an `input_shape\(space)` with at least 3 dimensions, received: \(input)"
      )
    }
    if common.kerasVersion == .keras3, let conv = wrapped as? Conv, input.rank - 1 == conv.rank + 1,
      let channels = input[-1]
    {
      // Keras 3 builds the kernel first and fails in the convolution's shape inference.
      let kernel = (conv.kernelSize + [channels, conv.filters]).map(String.init)
      throw .value(
        "Kernel shape must have the same length as input, but received kernel of shape (\(kernel.joined(separator: ", "))) and input of shape \(stepShape(input))."
      )
    }
    let step: TensorShape
    do {
      step = try wrapped.outputShape(for: stepShape(input))
    } catch {
      // tf-keras computes the step's shape inside `call`, which wraps what the layer raised.
      guard common.kerasVersion == .keras2, error.type != nil else { throw error }
      throw KerasError(
        error.type,
        "Exception encountered when calling layer \"\(name)\" (type TimeDistributed).\n\n\(error.message)\n\n"
          + "Call arguments received by layer \"\(name)\" (type TimeDistributed):\n"
          + "  • inputs=tf.Tensor(shape=\(input), dtype=float32)\n  • training=None\n  • mask=None")
    }
    return TensorShape([input.batch, input[1]] + step.dimensions.dropFirst())
  }

  /// The wrapped layers that run on each step: the layer, or a wrapped Sequential's layers.
  var stepLayers: [any Layer] {
    guard let nested = wrapped as? NestedModel, nested.graphShapes == nil else { return [wrapped] }
    return nested.layers
  }

  /// The wrapped layer's weights; a wrapped Sequential's are named after its layers
  /// (`time_distributed/conv2d/kernel:0`), so that each has a name of its own.
  public func weights(for input: TensorShape) -> [WeightSpec] {
    guard let nested = wrapped as? NestedModel, nested.graphShapes == nil else {
      return wrapped.weights(for: stepShape(input))
    }
    var shape = stepShape(input)
    var specs: [WeightSpec] = []
    for layer in nested.layers {
      for var spec in layer.weights(for: shape) {
        spec.name = "\(layer.name)/\(spec.name)"
        specs.append(spec)
      }
      guard let next = try? layer.outputShape(for: shape) else { break }
      shape = next
    }
    return specs
  }

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    let step = stepShape(input)
    let stepOutput = TensorShape([nil] + output.dimensions.dropFirst(2))
    return try Exact.multiply(
      wrapped.multiplyAccumulates(input: step, output: stepOutput), input[1] ?? 0)
  }

  // MARK: Forward pass

  /// The wrapped layers as layers of their own, built for one step, each with its weights taken
  /// from the wrapper's and renamed to it: what `ForwardStep` prepares for each.
  /// `weightsName`: the wrapper's name as its weights are stored (`LayerInstance.weightsName`).
  func stepInstances(input: TensorShape, weights: ModelWeights, weightsName: String)
    throws(ForwardError) -> [(
      LayerInstance, ModelWeights
    )]
  {
    if let nested = wrapped as? NestedModel, nested.graphShapes != nil {
      throw ForwardError(
        .model,
        "ConvBook's forward pass does not run a functional model wrapped in TimeDistributed yet (layer \"\(name)\")"
      )
    }
    let prefixed = wrapped is NestedModel
    var shape = stepShape(input)
    var result: [(LayerInstance, ModelWeights)] = []
    for layer in stepLayers {
      let instance = LayerInstance(layer)
      let output: TensorShape
      do {
        output = try layer.outputShape(for: shape)
      } catch {
        throw ForwardError(.model, error.message)
      }
      instance.markBuilt(input: shape, output: output)
      var names: [String] = []
      var tensors: [String: Tensor] = [:]
      for spec in layer.weights(for: shape) {
        let stored = prefixed ? "\(layer.name)/\(spec.name)" : spec.name
        guard let tensor = weights.tensor(layer: weightsName, weight: stored) else {
          throw ForwardError(
            .weights, "missing weight \(weightsName)/\(stored):0 for layer \"\(name)\"")
        }
        let renamed = "\(layer.name)/\(spec.name):0"
        names.append(renamed)
        tensors[renamed] = tensor
      }
      result.append((instance, ModelWeights(names: names, tensors: tensors)))
      shape = output
    }
    return result
  }

  /// The wrapped layers as layers of their own, built for one step of `input`, for training
  /// (which binds their weights under the wrapper's name: `stepWeightPrefix`).
  func builtStepLayers(input: TensorShape) throws(KerasError) -> [LayerInstance] {
    if let nested = wrapped as? NestedModel, nested.graphShapes != nil {
      throw .limitation(
        "ConvBook cannot train a functional model wrapped in TimeDistributed yet (layer \"\(name)\")"
      )
    }
    var shape = stepShape(input)
    var result: [LayerInstance] = []
    for layer in stepLayers {
      let instance = LayerInstance(layer)
      let output = try layer.outputShape(for: shape)
      instance.markBuilt(input: shape, output: output)
      result.append(instance)
      shape = output
    }
    return result
  }

  /// Where a wrapped layer's weights sit under the wrapper's `prefix` (`time_distributed/`):
  /// there for a layer, under the layer's own name for a wrapped Sequential's layers.
  func stepWeightPrefix(_ layer: any Layer, under prefix: String) -> String {
    wrapped is NestedModel ? prefix + layer.name + "/" : prefix
  }

  /// Runs `steps` in turn on (B*T, ...) and gives the result back its (B, T) axes.
  /// input (B, T, ...) -> output `outputShape`
  static func run(
    _ steps: [ForwardStep], _ buffers: inout ActivationBuffers, outputShape: [Int], threads: Int
  ) throws(ForwardError) {
    let input = buffers.current.shape
    buffers.reshape([input[0] * input[1]] + input.dropFirst(2))
    for (index, step) in steps.enumerated() {
      var shape = [outputShape[0] * outputShape[1]] + outputShape.dropFirst(2)
      if index < steps.count - 1 {
        do {
          let current = TensorShape(buffers.current.shape.map { Optional($0) })
          shape = try step.layer.outputShape(for: current).dimensions.map { $0 ?? 0 }
        } catch {
          throw ForwardError(.input, "layer \"\(step.name)\": \(error.message)")
        }
      }
      try step.run(&buffers, outputShape: shape, threads: threads)
    }
    buffers.reshape(outputShape)
  }
}

// MARK: Forward pass

extension TimeDistributed {
  /// Keras 3's `TimeDistributed.call` takes the mask (it hands each step's slice on).
  public var symbolicMasking: SymbolicMasking {
    SymbolicMasking(takes: true, carries: maskEffect == .carry)
  }

  /// The wrapped layers' packed weights.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  {
    var shape = stepShape(input)
    var total = 0
    for layer in stepLayers {
      total = try Exact.add(total, layer.packedWeightValues(input: shape))
      guard let next = try? layer.outputShape(for: shape) else { break }
      shape = next
    }
    return total
  }

  /// The wrapped layer's steps, on the time axis folded into the batch.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    var steps: [ForwardStep] = []
    for (step, stepWeights) in try stepInstances(
      input: preparation.builtInput(), weights: preparation.modelWeights(),
      weightsName: preparation.instance.weightsName)
    {
      steps.append(
        try ForwardStep(
          instance: step, weights: stepWeights, inGraph: preparation.inGraph,
          keras3: preparation.keras3, engine: preparation.engine))
    }
    return .step(.timeDistributed(steps))
  }
}

// MARK: Training

extension TimeDistributed {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    let input = try preparation.builtInput()
    let stepInstances: [LayerInstance]
    do {
      stepInstances = try builtStepLayers(input: input)
    } catch {
      throw TrainingError(.model, error.message)
    }
    var inner: [TrainingStep] = []
    for stepInstance in stepInstances { inner.append(try TrainingStep(instance: stepInstance)) }
    return .step(.timeDistributed(self, inner))
  }
}

// MARK: Settings

extension TimeDistributed {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
