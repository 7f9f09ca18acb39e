/// The class Python reports for a Keras tensor inside a custom layer's `call` or a `Lambda`'s
/// function: both Keras run them on TensorFlow's tensors, not on Keras tensors — graph
/// placeholders (`SymbolicTensor`) when the layer is called on Keras tensors, and
/// `EagerTensor`s when it is called on data (measured with tf-keras 2.21 and Keras 3.15).
enum TracedTensorTypes {
  /// `SymbolicTensor` / `EagerTensor` for a Keras tensor seen while ConvBook traces a call;
  /// nil for any other value, or outside a trace.
  static func name(of value: Value, session: KerasSession) -> String? {
    guard case .kerasTensor = value, session.lambdaTracingDepth > 0 else { return nil }
    return session.eagerTraceBatch == nil ? "SymbolicTensor" : "EagerTensor"
  }

  /// `type(x)` of such a tensor: TensorFlow's class, with its module.
  static func typeValue(of value: Value, session: KerasSession) -> Value? {
    guard let name = name(of: value, session: session) else { return nil }
    return .function(
      Callable(.unsupportedModelClass(name), path: "tensorflow.python.framework.ops." + name))
  }

  /// The type name Python's messages use for `value` (`'SymbolicTensor' object has no
  /// attribute ...`).
  static func typeName(of value: Value, session: KerasSession) -> String {
    name(of: value, session: session) ?? value.typeName
  }
}
