/// `tf.IndexedSlices(values, indices, dense_shape=None)`: rows of a tensor by their indices, what
/// `tf.Variable.scatter_update` takes. TensorFlow keeps the three as given (a list stays a list);
/// its str is `IndexedSlices(indices=..., values=...)` (with `, dense_shape=...` when there is
/// one), each part's str. Its repr is the default object's, with a memory address
/// (`PythonText.requireKnownText` refuses it).
final class IndexedSlicesObject: StandardObject {
  static let path = "tensorflow.IndexedSlices"
  let values: Value
  let indices: Value
  let denseShape: Value

  init(values: Value, indices: Value, denseShape: Value) {
    self.values = values
    self.indices = indices
    self.denseShape = denseShape
  }

  override var typeName: String { "IndexedSlices" }

  override func repr(_ item: (Value) -> String) -> String {
    "<tensorflow.python.framework.indexed_slices.IndexedSlices object>"
  }

  override func str(_ item: (Value) -> String) -> String {
    "IndexedSlices(indices=\(PythonText.str(indices)), values=\(PythonText.str(values))"
      + (denseShape.isNone ? "" : ", dense_shape=\(PythonText.str(denseShape))") + ")"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "values": return values
    case "indices": return indices
    case "dense_shape": return denseShape
    default: return nil
    }
  }

  /// `tf.IndexedSlices(values, indices, dense_shape=None)`.
  static func make(
    positional: [Value], keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value {
    let arguments = try EagerFunctions.bind(
      positional, keywords, parameters: ["values", "indices", "dense_shape"],
      function: "IndexedSlices", range: site.range)
    guard let values = arguments["values"], let indices = arguments["indices"] else {
      throw CellError(
        type: "TypeError",
        message:
          "IndexedSlices.__init__() missing 1 required positional argument: '\(arguments["values"] == nil ? "values" : "indices")'",
        range: site.range)
    }
    return .standard(
      IndexedSlicesObject(
        values: values, indices: indices, denseShape: arguments["dense_shape"] ?? .none))
  }
}
