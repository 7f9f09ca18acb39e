import CNNKernels

/// How the forward pass runs one layer, as the layer's own file says (`Layer.forwardPlan(_:)`):
/// the kernel call, with the layer's weights taken from the model and packed once. A layer on one
/// tensor becomes a `ForwardStep`, a layer on several tensors (or a tensor operation) a
/// `MergeStep`; a layer the forward pass cannot run says so in its own words.
public struct ForwardPlan {
  enum Kind {
    /// A layer on one tensor. `channelsFirst`: the operation runs between transposes to and
    /// from channels-last, as TensorFlow runs most `data_format='channels_first'` layers on CPU.
    case step(ForwardStep.Operation, channelsFirst: Bool)
    /// A layer on several tensors, or an operation on Keras tensors.
    case merge(MergeStep.Operation)
  }

  let kind: Kind

  /// A layer on one tensor.
  static func step(_ operation: ForwardStep.Operation, channelsFirst: Bool = false) -> ForwardPlan {
    ForwardPlan(kind: .step(operation, channelsFirst: channelsFirst))
  }

  /// Values a kernel (K..., F) holds packed in blocks of 16 filters per group, zero-padded, with
  /// a bias row: what `PackedConvolutionWeights` and `PackedDenseWeights` allocate.
  static func blockedValues(kernel: [Int], groups: Int) throws(Exact.Overflow) -> Int {
    guard kernel.count >= 2 else { return 0 }
    let filters = kernel[kernel.count - 1]
    let perGroup = filters / max(1, groups)
    let blocks = try Exact.multiply(groups, Exact.add(perGroup, 15) / 16)
    return try Exact.product([blocks, 16, Exact.add(Exact.product(kernel.dropLast()), 1)])
  }

  /// The shape of the weight `name` among `weights` (empty when there is none).
  static func shape(_ name: String, in weights: [WeightSpec]) -> [Int] {
    weights.first { $0.name == name }?.shape ?? []
  }

  /// A layer on several tensors, or an operation on Keras tensors.
  static func merge(_ operation: MergeStep.Operation) -> ForwardPlan {
    ForwardPlan(kind: .merge(operation))
  }
}

/// What a layer's `forwardPlan(_:)` reads: the instance (its name and the shape it was built
/// with), the model's weights, and how the run computes (inside a `tf.function` or eagerly, which
/// Keras, which TensorFlow engine).
public struct ForwardPreparation {
  let instance: LayerInstance
  /// Nil where the plan is made without weights (training runs merges through its own steps).
  let weights: ModelWeights?
  /// The step runs inside a `tf.function` (`predict`, `evaluate`, `fit`); false for eager calls.
  let inGraph: Bool
  /// The layer computes as Keras 3 computes it, where it differs from tf-keras.
  let keras3: Bool
  /// TensorFlow's kernels on the machine being followed.
  let engine: TensorFlowEngine

  /// The layer's weight `weightName`, of the shape the model gave it.
  func weight(_ weightName: String) throws(ForwardError) -> Tensor {
    guard let weights else {
      throw ForwardError(
        .model,
        "ConvBook cannot train a model with \(instance.className) layers yet (layer \"\(instance.name)\")"
      )
    }
    guard let tensor = weights.tensor(layer: instance.weightsName, weight: weightName) else {
      throw ForwardError(
        .weights,
        "missing weight \(instance.weightsName)/\(weightName):0 for layer \"\(instance.name)\"")
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

  /// The weight `weightName` when the layer has it (`use_bias`, `scale`, `center`), else nil.
  func optionalWeight(_ weightName: String, _ present: Bool) throws(ForwardError) -> Tensor? {
    present ? try weight(weightName) : nil
  }

  /// The model's weights, for layers whose own preparation reads several (attention).
  func modelWeights() throws(ForwardError) -> ModelWeights {
    guard let weights else {
      throw ForwardError(
        .model,
        "ConvBook cannot train a model with \(instance.className) layers yet (layer \"\(instance.name)\")"
      )
    }
    return weights
  }

  /// Packs weights for a kernel; a refusal names the layer.
  func packing<T>(_ body: () throws(KernelError) -> T) throws(ForwardError) -> T {
    do {
      return try body()
    } catch {
      throw ForwardError(.weights, "layer \"\(instance.name)\": \(error.message)")
    }
  }

  /// The shape the layer was built with (batch first).
  func builtInput() throws(ForwardError) -> TensorShape {
    guard let input = instance.inputShape else {
      throw ForwardError(
        .model, "layer \"\(instance.name)\" is not built (its input shape is unknown)")
    }
    return input
  }

  /// `body` of the shape the layer was built with; a Keras error there (a setting Keras checks
  /// only when the layer runs) is the forward pass's refusal.
  func withBuiltInput<T>(_ body: (TensorShape) throws(KerasError) -> T) throws(ForwardError) -> T {
    let input = try builtInput()
    do {
      return try body(input)
    } catch {
      throw ForwardError(.model, error.message)
    }
  }

  /// A Keras error met while preparing (a setting checked only when the layer runs).
  func model(_ error: KerasError) -> ForwardError { ForwardError(.model, error.message) }

  /// ConvBook's own limitation: `what` the forward pass does not do yet, naming the layer.
  func limitation(_ what: String) -> ForwardError {
    ForwardError(.model, "\(what) (layer \"\(instance.name)\")")
  }

  /// A layer the forward pass cannot run at all yet.
  func unsupported() -> ForwardError {
    ForwardError(
      .model,
      "ConvBook cannot run layer \"\(instance.name)\" (\(instance.className)) in a forward pass yet"
    )
  }
}
