/// A layer called on a list of tensors (Keras' merge layers): its output shape depends on every
/// input's shape. Called on one tensor it refuses with Keras' own message.
public protocol MultiInputLayer: Layer {
  /// Keras' `build` shape validation and `compute_output_shape` over the inputs, in call order.
  func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape
  /// The weights `build` creates for a call on `inputs` (attention layers size their projections
  /// from every input); by default those for the first input.
  func weights(forInputs inputs: [TensorShape]) -> [WeightSpec]
  /// Multiply-accumulates of one sample for a call on `inputs`; by default the first input's.
  func multiplyAccumulates(inputs: [TensorShape], output: TensorShape) throws(Exact.Overflow) -> Int
}

extension MultiInputLayer {
  /// None as a step on one tensor: layers on several tensors train through `MergeTraining`.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError)
    -> TrainingPlan
  { throw preparation.unsupported() }

  public func weights(forInputs inputs: [TensorShape]) -> [WeightSpec] { weights(for: inputs[0]) }
  public func multiplyAccumulates(inputs: [TensorShape], output: TensorShape) throws(Exact.Overflow)
    -> Int
  { try multiplyAccumulates(input: inputs[0], output: output) }
}
