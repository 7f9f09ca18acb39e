/// How training runs one layer on one tensor, as the layer's own file says
/// (`Layer.trainingPlan(_:)`): the operation of its `TrainingStep`, whose forward pass keeps what
/// the backward pass needs; or why ConvBook cannot train it yet. Layers on several tensors train
/// through `MergeTraining`.
public struct TrainingPlan {
  let operation: TrainingStep.Operation
  /// DepthwiseConv and SeparableConv: the kernel (K..., C, M) is the kernel (K..., 1, C x M) of a
  /// convolution with C groups (same values, same order), so the convolution's passes train it.
  let depthwise: Bool

  static func step(_ operation: TrainingStep.Operation, depthwise: Bool = false) -> TrainingPlan {
    TrainingPlan(operation: operation, depthwise: depthwise)
  }
}

/// What a layer's `trainingPlan(_:)` reads: the instance (its name and the shape it was built
/// with), and ConvBook's refusals in one wording.
public struct TrainingPreparation {
  let instance: LayerInstance

  /// ConvBook's limitation: training `what` (a layer kind or a setting) is not done yet.
  func refuse(_ what: String) -> TrainingError {
    TrainingError(
      .model, "ConvBook cannot train a model with \(what) yet (layer \"\(instance.name)\")")
  }

  /// A layer ConvBook cannot train at all yet.
  func unsupported() -> TrainingError { refuse(instance.layer.className) }

  /// `function` when ConvBook has its gradient.
  func activation(_ function: ActivationFunction) throws(TrainingError) -> ActivationFunction {
    guard ActivationGradient.supports(function) else {
      throw refuse("the activation \(ActivationGradient.kerasName(function))")
    }
    return function
  }

  /// The shape the layer was built with (batch first).
  func builtInput() throws(TrainingError) -> TensorShape {
    guard let input = instance.inputShape else { throw refuse("an unbuilt layer") }
    return input
  }

  /// The input channels a depthwise step groups by (channels-last, built layers only).
  func depthwiseChannels(_ format: DataFormat, _ className: String) throws(TrainingError) -> Int {
    guard format != .channelsFirst else { throw refuse("channels_first \(className) layers") }
    guard let channels = instance.inputShape?.dimensions.last ?? nil, channels > 0 else {
      throw refuse("an unbuilt layer")
    }
    return channels
  }

  /// The normalized axes of a built normalization layer; a Keras error there is the refusal.
  func axes(_ resolve: (TensorShape) throws(KerasError) -> [Int]) throws(TrainingError) -> (
    axes: [Int], input: TensorShape
  ) {
    let input = try builtInput()
    do {
      return (try resolve(input), input)
    } catch {
      throw TrainingError(.model, error.message)
    }
  }
}
