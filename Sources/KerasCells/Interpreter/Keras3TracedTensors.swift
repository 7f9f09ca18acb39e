import CNNEngine

/// What Keras 3 on TensorFlow runs a custom layer's `call` on when it is called on Keras tensors:
/// `backend.compute_output_spec` traces it in a TensorFlow graph, on TensorFlow's symbolic
/// tensors (`SymbolicTensor`), not on `KerasTensor`s. Their `shape` is a `TensorShape` and their
/// `dtype` a `tf.DType` (`Attributes`), `len()` of one is TensorFlow's TypeError, and their names
/// are the graph's op names: the call's input is `Placeholder:0`, the first `tf.shape` of the
/// graph `Shape:0`. ConvBook knows those two names; other ops' names depend on every op the
/// graph made before, which ConvBook does not model.
enum Keras3TracedTensors {
  /// TensorFlow's name of `tensor` in the graph Keras 3 traces the innermost custom layer's
  /// `call` in, where ConvBook knows it; nil otherwise.
  static func name(of tensor: KerasTensor, session: KerasSession) -> String? {
    guard session.kerasVersion == .keras3, session.lambdaTracingDepth > 0,
      session.eagerTraceBatch == nil, let input = session.traceInputs.last
    else { return nil }
    if tensor === input { return "Placeholder:0" }
    // `tf.shape(inputs)` as the first TensorFlow function the call ran (weights, arithmetic and
    // slicing make no `Shape` op before it).
    guard let layer = tensor.producer.layer as? TensorFunctionLayer, case .shape = layer.function,
      tensor.inputs.count == 1, tensor.inputs[0] === input,
      session.firstTracedFunction === tensor.producer
    else { return nil }
    return "Shape:0"
  }

  /// `len(tensor)` inside a traced `call`: TensorFlow's TypeError for a symbolic tensor, or
  /// ConvBook's limitation where it does not know the name that error shows.
  static func lengthError(of tensor: KerasTensor, session: KerasSession, range: SourceRange)
    -> CellError
  {
    guard let name = name(of: tensor, session: session) else {
      return .unsupported(
        "ConvBook does not support len() of a tensor inside a layer's call under Keras 3 yet (TensorFlow raises a TypeError naming the tensor's graph op, which ConvBook does not model); use x.shape",
        at: range)
    }
    return CellError(
      type: "TypeError",
      message:
        "len is not well defined for a symbolic Tensor (\(name)). Please call `x.shape` rather than `len(x)` for shape information.",
      range: range)
  }
}
