import CNNKernels

/// A loss defined in a cell (`def contrastive_loss(y_true, y_pred): ...`), traced once on symbolic
/// tensors into tensor operations (as a `Lambda`'s function is): its forward pass replays them on
/// the batch's targets and predictions, and its gradient goes back through them
/// (`MergeTraining`'s Lambda backward pass). As tf-keras' `LossFunctionWrapper` does, the targets
/// are first squeezed or expanded by one trailing axis of size 1 to the predictions' rank, and
/// the per-sample values the function returns are reduced with `SUM_OVER_BATCH_SIZE` (their sum
/// over their count).
public final class TracedLoss: @unchecked Sendable, Equatable {
  public let name: String
  let lambda: Lambda
  let training: MergeTraining

  /// `program` reads the targets as value 0 and the predictions as value 1.
  public init(name: String, program: LambdaTrace.Program) throws(TrainingError) {
    self.name = name
    let trace = LambdaTrace()
    trace.program = program
    lambda = Lambda(
      LayerCommon(name: name, arguments: LayerArguments(className: "Lambda", values: [:])),
      trace: trace)
    do {
      training = try MergeTraining(instance: LayerInstance(lambda))
    } catch {
      throw TrainingError(
        .configuration,
        error.message.replacingOccurrences(
          of: "the function of the Lambda layer \"\(name)\"", with: "the loss \(name)"))
    }
  }

  public static func == (a: TracedLoss, b: TracedLoss) -> Bool { a === b }

  /// The function's values on a batch, with the targets squeezed or expanded to the
  /// predictions' rank, and their shape.
  private func run(prediction: Tensor, target: Tensor) throws(TrainingError) -> (
    values: Tensor, shape: [Int], inputs: [Tensor]
  ) {
    var target = target
    let (p, t) = (prediction.shape, target.shape)
    do {
      if t.count == p.count - 1, p.last == 1 {
        target = try target.reshaped(t + [1])
      } else if p.count == t.count - 1, t.last == 1 {
        target = try target.reshaped(Array(t.dropLast()))
      }
    } catch {
      throw TrainingError(.data, "the loss \(name): \(error.message)")
    }
    let inputs = [target, prediction]
    let shape: [Int]
    do {
      shape = try lambda.outputShape(
        forInputs: inputs.map { TensorShape($0.shape.map { Optional($0) }) }
      ).dimensions.map { $0 ?? 0 }
    } catch {
      throw TrainingError(.data, "the loss \(name): \(error.message)")
    }
    return (try training.run(inputs, outputShape: shape), shape, inputs)
  }

  /// The loss of a batch and its gradient with respect to `prediction`.
  func evaluate(prediction: Tensor, target: Tensor) throws(TrainingError) -> (
    loss: Float, gradient: [Float]
  ) {
    let (values, shape, inputs) = try run(prediction: prediction, target: target)
    let count = Float(max(1, values.count))
    var sum: Float = 0
    for value in values.scalars { sum += value }
    let gradients = try training.backward(
      [Float](repeating: 1 / count, count: values.count), inputs: inputs, outputShape: shape)
    return (sum / count, gradients[1])
  }

  /// The function as a metric (Keras' `MeanMetricWrapper`): the sum of its values on a batch and
  /// how many there are, so that the epoch's result is the mean of every value returned.
  func accumulate(prediction: Tensor, target: Tensor) throws(TrainingError) -> (
    sum: Double, count: Int
  ) {
    let values = try run(prediction: prediction, target: target).values
    var sum: Float = 0
    for value in values.scalars { sum += value }
    return (Double(sum), values.count)
  }
}
