import CNNEngine

/// A layer's (or model's) `dtype_policy` and the dtypes it answers: ConvBook computes in float32,
/// the one policy it models (`dtype=None` or `"float32"`): Keras 3 shows it as
/// `<DTypePolicy "float32">`, tf-keras as `<Policy "float32">`; `dtype`, `compute_dtype` and
/// `variable_dtype` are `'float32'` in both. Another `dtype=` is refused by name.
/// Identity as each Keras keeps it: tf-keras gives each layer and model a policy of its own;
/// Keras 3 gives every layer and model made without `dtype=` the one global policy, and one made
/// with `dtype="float32"` a policy of its own. Keras 3's policies are equal when their names are
/// (`DTypePolicy.__eq__`); tf-keras' only to themselves.
final class LayerDTypePolicy: StandardObject {
  let keras3: Bool
  init(keras3: Bool) { self.keras3 = keras3 }

  override var typeName: String { keras3 ? "DTypePolicy" : "Policy" }
  override func repr(_ item: (Value) -> String) -> String { "<\(typeName) \"float32\">" }
  override var comparisonKey: Value? { keras3 ? .string("float32") : nil }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "name", "compute_dtype", "variable_dtype": return .string("float32")
    default: return nil
    }
  }

  /// `layer.dtype_policy`, `layer.dtype`, `layer.compute_dtype`, `layer.variable_dtype` of a layer
  /// made with `dtype` (nil for a model), `object` (the layer or model object, named `owner`);
  /// nil for other names.
  static func attribute(
    _ name: String, dtype: ArgumentValue?, of object: AnyObject, owner: String,
    session: KerasSession, range: SourceRange
  ) throws(CellError) -> Value? {
    guard ["dtype_policy", "dtype", "compute_dtype", "variable_dtype"].contains(name) else {
      return nil
    }
    switch dtype {
    case nil, .none?, .string("float32")?: break
    default:
      throw .unsupported(
        "ConvBook does not support `\(name)` of the layer \(owner) made with dtype=\(dtype?.description ?? "") yet (it computes in float32)",
        at: range)
    }
    guard name == "dtype_policy" else { return .string("float32") }
    let keras3 = session.kerasVersion == .keras3
    if keras3, dtype == nil || dtype == ArgumentValue.none {
      if session.globalDTypePolicy == nil {
        session.globalDTypePolicy = LayerDTypePolicy(keras3: true)
      }
      return .standard(session.globalDTypePolicy!)
    }
    let key = ObjectIdentifier(object)
    if let (_, policy) = session.dtypePolicies[key] { return .standard(policy) }
    let policy = LayerDTypePolicy(keras3: keras3)
    session.dtypePolicies[key] = (object, policy)
    return .standard(policy)
  }
}
