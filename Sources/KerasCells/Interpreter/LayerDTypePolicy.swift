import CNNEngine

/// A layer's (or model's) `dtype_policy` and the dtypes it answers: `float32` unless the layer
/// was made with another float dtype or policy (`dtype="float16"`, or under a global policy,
/// `MixedPrecision`): Keras 3 shows it as `<DTypePolicy "mixed_float16">`, tf-keras as
/// `<Policy "mixed_float16">`; `compute_dtype` is the type the layer computes in (`float16`),
/// `variable_dtype` and `dtype` the one it keeps its weights in (float32 under a mixed policy).
/// Another `dtype=` is refused by name. Identity as each Keras keeps it: tf-keras gives each layer
/// and model a policy of its own; Keras 3 gives every layer and model made without `dtype=` the
/// one global policy, and one made with `dtype=` a policy of its own. Keras 3's policies are equal
/// when their names are (`DTypePolicy.__eq__`); tf-keras' only to themselves.
final class LayerDTypePolicy: StandardObject {
  let keras3: Bool
  /// The policy's name: `float32`, `mixed_float16`, ... (`MixedPrecision.policyNames`).
  let name: String
  init(keras3: Bool, name: String = "float32") {
    self.keras3 = keras3
    self.name = name
  }

  override var typeName: String { keras3 ? "DTypePolicy" : "Policy" }
  override func repr(_ item: (Value) -> String) -> String { "<\(typeName) \"\(name)\">" }
  override var comparisonKey: Value? { keras3 ? .string(name) : nil }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "name": return .string(self.name)
    case "compute_dtype": return .string(LayerPrecision.computeDType(of: self.name))
    case "variable_dtype": return .string(LayerPrecision.variableDType(of: self.name))
    default: return nil
    }
  }

  /// `layer.dtype_policy`, `layer.dtype`, `layer.compute_dtype`, `layer.variable_dtype` of a layer
  /// made with `dtype` (nil for a model), `object` (the layer or model object, named `owner`);
  /// nil for other names. A layer ConvBook made without `dtype=` was made under float32 (it
  /// records the global policy as the layer's `dtype`); an input layer, a model and a script's
  /// own layer take the global policy.
  static func attribute(
    _ name: String, dtype: ArgumentValue?, of object: AnyObject, owner: String,
    session: KerasSession, range: SourceRange
  ) throws(CellError) -> Value? {
    guard ["dtype_policy", "dtype", "compute_dtype", "variable_dtype"].contains(name) else {
      return nil
    }
    let keras3 = session.kerasVersion == .keras3
    let policyName: String
    switch dtype {
    case nil, .none?:
      if let instance = object as? LayerInstance, !(instance.layer is InputLayer) {
        policyName = "float32"
      } else if keras3 || !(object is LayerInstance) {
        policyName = MixedPrecision.globalPolicy(session: session).name
      } else {
        // tf-keras' input layers compute in float32 whatever the global policy.
        policyName = "float32"
      }
    case .some(let given):
      guard let text = LayerPrecision.name(of: given), MixedPrecision.policyNames.contains(text)
      else {
        throw .unsupported(
          "ConvBook does not support `\(name)` of the layer \(owner) made with dtype=\(given.description) yet (it computes in float32)",
          at: range)
      }
      policyName = text
    }
    switch name {
    case "compute_dtype": return .string(LayerPrecision.computeDType(of: policyName))
    case "dtype", "variable_dtype": return .string(LayerPrecision.variableDType(of: policyName))
    default: break
    }
    if keras3, dtype == nil || dtype == ArgumentValue.none,
      policyName == MixedPrecision.globalPolicy(session: session).name
    {
      return .standard(MixedPrecision.globalPolicy(session: session))
    }
    let key = ObjectIdentifier(object)
    if let (_, policy) = session.dtypePolicies[key], policy.name == policyName {
      return .standard(policy)
    }
    let policy = LayerDTypePolicy(keras3: keras3, name: policyName)
    session.dtypePolicies[key] = (object, policy)
    return .standard(policy)
  }
}
