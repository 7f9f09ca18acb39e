/// The classes Python reports for values whose class depends on where they are or on the Keras
/// of the session (measured with tf-keras 2.21 and Keras 3.15):
/// - a Keras tensor inside a custom layer's `call` or a `Lambda`'s function: both Keras run them
///   on TensorFlow's tensors, not on Keras tensors — graph placeholders (`SymbolicTensor`) when
///   the layer is called on Keras tensors, `EagerTensor`s when it is called on data;
/// - a layer's weight: TensorFlow's `ResourceVariable` in tf-keras, Keras 3's own `Variable`.
enum RuntimeTypeNames {
  /// The class name and its module path, or nil where `Value.typeName` says it.
  private static func named(_ value: Value, session: KerasSession) -> (String, String)? {
    switch value {
    case .kerasTensor where session.lambdaTracingDepth > 0:
      let name = session.eagerTraceBatch == nil ? "SymbolicTensor" : "EagerTensor"
      return (name, "tensorflow.python.framework.ops." + name)
    case .variable(let variable):
      if (variable.kerasVersion ?? session.kerasVersion) == .keras3 {
        return ("Variable", "keras.src.backend.tensorflow.core.Variable")
      }
      return ("ResourceVariable", "tensorflow.python.ops.resource_variable_ops.ResourceVariable")
    default: return nil
    }
  }

  /// `type(x)` of such a value: its class, with its module.
  static func typeValue(of value: Value, session: KerasSession) -> Value? {
    guard let (name, path) = named(value, session: session) else { return nil }
    return .function(Callable(.unsupportedModelClass(name), path: path))
  }

  /// The type name Python's messages use for `value` (`'SymbolicTensor' object has no
  /// attribute ...`).
  static func typeName(of value: Value, session: KerasSession) -> String {
    named(value, session: session)?.0 ?? value.typeName
  }
}
