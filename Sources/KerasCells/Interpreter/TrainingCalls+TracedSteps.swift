import CNNEngine

/// The step functions Keras traces for a model: `fit` (and `train_on_batch`) trace the train step,
/// `evaluate` and fit's validation the test step, `predict` the predict step, each at its first
/// batch, and keep it until the next `compile`. Called again on data of another shape, TensorFlow
/// traces the step once more with the sizes that differ left open (`reduce_retracing`): the model's
/// input spec then passes, and its layers either run on the new shape (a fully convolutional
/// network on larger images) or fail in TensorFlow's kernels with an InvalidArgumentError whose
/// text names the graph's node and the traced function's number (`Matrix size-incompatible` in a
/// Dense layer's product). Neither is modelled: ConvBook refuses such data once the step was
/// traced, where a first call raises the input spec's ValueError in Keras' words.
extension TrainingCalls {
  /// Notes that `step` of `model` ran a batch: its traced function stays until `compile`.
  static func noteTraced(_ step: TracedStep, of model: KerasModel, interpreter: Interpreter) {
    interpreter.session.training.traced(step.rawValue, of: model)
  }

  /// ConvBook's refusal of data whose shapes (one per input, as given) the model's declared inputs
  /// do not fit, once `step` was traced.
  static func checkRetrace(
    _ step: TracedStep, of model: KerasModel, shapes: [[Int]], interpreter: Interpreter,
    site: CallSite
  ) throws(CellError) {
    guard interpreter.session.training.hasTraced(step.rawValue, of: model),
      let declared = model.declaredInputShapes, declared.count == shapes.count
    else { return }
    let conformed = model.conformedInputShapes(shapes)
    let fits = zip(conformed, declared).allSatisfy { shape, input in
      shape.count == input.rank
        && zip(shape.dropFirst(), input.dimensions.dropFirst()).allSatisfy { $1 == nil || $0 == $1 }
    }
    guard !fits else { return }
    let given = shapes.map { TensorShape.tuple($0) }.joined(separator: ", ")
    throw .unsupported(
      "ConvBook does not reproduce what follows when the \(step.rawValue) step Keras traced meets data of another shape, \(given), yet: TensorFlow traces the step again with the sizes left open, and the layers then run on that shape or fail with TensorFlow's InvalidArgumentError",
      at: site.range)
  }
}

extension TrainingCalls {
  /// Keras 3's error for data of `shapes` (one per input, as given) that the model's input does
  /// not fit, raised where its train step (`training` "True") or test step ("False") is traced on
  /// a batch of any size (`EagerTensors.keras3BatchMismatch`). Models of one input.
  static func checkKeras3Step(
    _ model: KerasModel, shapes: [[Int]], dtype: NDArray.DType, training: String,
    interpreter: Interpreter, site: CallSite
  ) throws(CellError) {
    guard interpreter.kerasVersion == .keras3, model.isBuilt, shapes.count == 1,
      !shapes[0].isEmpty,
      let message = EagerTensors.keras3BatchMismatch(
        model, shape: shapes[0], dtype: dtype, training: training, call: .tracedAnyBatch,
        interpreter: interpreter)
    else { return }
    throw CellError(type: "ValueError", message: message, range: site.range)
  }
}
