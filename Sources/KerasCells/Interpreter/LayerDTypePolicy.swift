import CNNEngine

/// A layer's (or model's) `dtype_policy` and the dtypes it answers: ConvBook computes in float32,
/// the one policy it models (`dtype=None` or `"float32"`): Keras 3 shows it as
/// `<DTypePolicy "float32">`, tf-keras as `<Policy "float32">`; `dtype`, `compute_dtype` and
/// `variable_dtype` are `'float32'` in both. Another `dtype=` is refused by name.
final class LayerDTypePolicy: StandardObject {
  let keras3: Bool
  init(keras3: Bool) { self.keras3 = keras3 }

  override var typeName: String { keras3 ? "DTypePolicy" : "Policy" }
  override func repr(_ item: (Value) -> String) -> String { "<\(typeName) \"float32\">" }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "name", "compute_dtype", "variable_dtype": return .string("float32")
    default: return nil
    }
  }

  /// `layer.dtype_policy`, `layer.dtype`, `layer.compute_dtype`, `layer.variable_dtype` of a layer
  /// made with `dtype` (nil for a model); nil for other names.
  static func attribute(
    _ name: String, dtype: ArgumentValue?, owner: String, keras3: Bool, range: SourceRange
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
    return name == "dtype_policy" ? .standard(LayerDTypePolicy(keras3: keras3)) : .string("float32")
  }
}
