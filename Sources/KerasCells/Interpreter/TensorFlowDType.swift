import CNNEngine

/// TensorFlow's `tf.DType` (`tf.float32`, what a tf-keras tensor's `.dtype` is): printed as
/// `<dtype: 'float32'>`, `repr` `tf.float32`, equal to itself and to its name as a string
/// (`x.dtype == "float32"`), as TensorFlow's `DType.__eq__` converts strings. Keras 3's tensors
/// answer the plain string `"float32"` instead.
enum TensorFlowDType {
  /// The names ConvBook lets a cell write as `tf.NAME`.
  static let names: Set<String> = [
    "float16", "bfloat16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8",
    "bool", "string",
  ]

  /// TensorFlow's other names of the same dtypes (`tf.double is tf.float64`).
  static let aliases: [String: String] = ["double": "float64", "half": "float16"]

  /// The dtype `tf.NAME` is, by one of `names` or `aliases`; nil for other names.
  static func attribute(_ name: String) -> Value? {
    if names.contains(name) { return value(name) }
    return aliases[name].map(value)
  }

  static func value(_ name: String) -> Value {
    .kerasObject(KerasObject(typeName: "DType", arguments: [("name", .string(name))]))
  }

  /// The dtype's name, if `value` is a DType.
  static func name(of value: Value) -> String? {
    guard case .kerasObject(let object) = value, object.typeName == "DType",
      case .string(let name)? = object.arguments.first?.1
    else { return nil }
    return name
  }

  /// A dtype argument as a name: a DType, a string or a NumPy scalar type.
  static func requestedName(_ value: Value) -> String? {
    if case .string(let name) = value { return name }
    if case .standard(let dtype as NumPyDType) = value { return dtype.numeric?.rawValue }
    // NumPy's scalar types, which `tf.as_dtype` reads as theirs (`tf.int64 == np.int64`).
    if case .function(let callable) = value, case .builtin(let path) = callable.kind,
      path.hasPrefix("numpy."), NumPyFunctions.dtypeNames.contains(String(path.dropFirst(6)))
    {
      let name = String(path.dropFirst(6))
      return name == "bool_" ? "bool" : name
    }
    return name(of: value)
  }
}
