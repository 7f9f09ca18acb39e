/// A layer called on a list of tensors (Keras' merge layers): its output shape depends on every
/// input's shape. Called on one tensor it refuses with Keras' own message.
public protocol MultiInputLayer: Layer {
  /// Keras' `build` shape validation and `compute_output_shape` over the inputs, in call order.
  func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape
}
