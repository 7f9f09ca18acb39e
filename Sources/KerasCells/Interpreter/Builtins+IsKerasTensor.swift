import CNNEngine

extension Builtins {
  /// `keras.backend.is_keras_tensor(x)`: whether `x` is a symbolic tensor of a model (what model
  /// files ask before `Input(tensor=x)` or `get_source_inputs(x)`). tf-keras answers False for an
  /// eager tensor and refuses anything that is not a tensor with its ValueError; Keras 3 answers
  /// False for everything but a Keras tensor.
  static func isKerasTensor(_ value: Value, kerasVersion: KerasVersion, range: SourceRange)
    throws(CellError) -> Value
  {
    if case .kerasTensor = value { return .bool(true) }
    if kerasVersion == .keras3 || EagerTensors.isEager(value) { return .bool(false) }
    let type: String
    switch value {
    case .array: type = "numpy.ndarray"
    case .none, .bool, .int, .bigInt, .float, .string, .tuple, .list, .dictionary, .set:
      type = value.typeName
    default:
      throw .unsupported(
        "ConvBook's keras.backend.is_keras_tensor() takes a tensor or a Python value, not \(value.typeName)",
        at: range)
    }
    throw CellError(
      type: "ValueError",
      message:
        "Unexpectedly found an instance of type `<class '\(type)'>`. Expected a symbolic tensor instance.",
      range: range)
  }
}
