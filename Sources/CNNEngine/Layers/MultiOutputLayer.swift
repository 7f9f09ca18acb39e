/// A layer whose call may return several tensors (`return_state=True`, `Bidirectional(merge_mode=
/// None)`) or take tensors beside its input (a recurrent layer's `initial_state=`). The call's
/// first output is the one `outputShape(for:)` gives; a call that returns one tensor and takes no
/// states is an ordinary call.
public protocol MultiOutputLayer: Layer {
  /// The shapes of what a call on `input` with `states` returns, in Keras' order; checks the
  /// states as Keras does.
  func outputShapes(for input: TensorShape, states: [TensorShape]) throws(KerasError)
    -> [TensorShape]
}
