/// The precision of a layer, from its `dtype=`: a dtype (`"float16"`, `tf.float64`) or the name
/// of a dtype policy (`"mixed_float16"`), which is also what a layer made under a global policy
/// (`keras.mixed_precision.set_global_policy("mixed_float16")`) gets. A mixed policy computes in
/// the half-precision type and keeps its weights in float32; a plain dtype does both in that
/// type. ConvBook computes and draws weights in float32 only.
public enum LayerPrecision {
  /// The dtype or policy name `dtype=` gives (a string or a `tf.float16` object), or nil.
  public static func name(of value: ArgumentValue) -> String? {
    switch value {
    case .string(let given): return given
    case .object(let object) where object.typeName == "DType":
      if case .string(let given)? = object.arguments.first?.1 { return given }
      return nil
    default: return nil
    }
  }

  /// The dtype a layer of policy or dtype `name` computes in (`mixed_float16`: float16).
  public static func computeDType(of name: String) -> String {
    switch name {
    case "mixed_float16", "half": return "float16"
    case "mixed_bfloat16": return "bfloat16"
    case "double": return "float64"
    default: return name
    }
  }

  /// The dtype a layer of policy or dtype `name` keeps its weights in (`mixed_float16`: float32).
  public static func variableDType(of name: String) -> String {
    switch name {
    case "mixed_float16", "mixed_bfloat16": return "float32"
    default: return computeDType(of: name)
    }
  }

  /// Whether `name` is a floating dtype (or policy) other than float32, which ConvBook does not
  /// compute in.
  static func isOtherFloat(_ name: String) -> Bool {
    ["float16", "bfloat16", "float64"].contains(name)
  }
}

extension LayerArguments {
  /// The dtype the layer computes in when it is not float32 (`dtype="float16"`, a layer made
  /// under `mixed_float16`), or nil.
  public var otherComputeDType: String? {
    guard let name = LayerPrecision.name(of: self["dtype"]) else { return nil }
    let compute = LayerPrecision.computeDType(of: name)
    return LayerPrecision.isOtherFloat(compute) ? compute : nil
  }

  /// Why ConvBook cannot run the layer `layer` (forward or training): it computes in float16,
  /// bfloat16 or float64. Nil for a float32 layer.
  public func precisionRefusal(layer: String) -> String? {
    guard let compute = otherComputeDType, let name = LayerPrecision.name(of: self["dtype"]) else {
      return nil
    }
    let given = name == compute ? "dtype=\"\(name)\"" : "the dtype policy \"\(name)\""
    return
      "ConvBook does not support running the layer \"\(layer)\" in \(compute) (\(given)) yet: it computes in float32"
  }
}
