/// tf-keras' `TensorShape` (`tensorflow.python.framework.tensor_shape`): what `x.shape` of a Keras
/// tensor and `w.shape` of a weight are under tf-keras (Keras 3 gives plain tuples). It prints as a
/// tuple (`(None, 8, 8, 3)`), its repr is `TensorShape([None, 8, 8, 3])`, and it indexes, slices,
/// iterates and compares like the tuple of its dimensions.
enum TensorShapeValue {
  /// The value `.shape` gives for `dimensions` under the session's Keras version.
  static func make(_ dimensions: [Int?], interpreter: Interpreter) -> Value {
    interpreter.kerasVersion == .keras3
      ? .tuple(items(dimensions)) : .tensorShape(dimensions)
  }

  static func items(_ dimensions: [Int?]) -> [Value] {
    dimensions.map { $0.map(Value.int) ?? .none }
  }

  static func repr(_ dimensions: [Int?]) -> String {
    "TensorShape([" + dimensions.map { $0.map(String.init) ?? "None" }.joined(separator: ", ")
      + "])"
  }

  /// `shape.rank`, `shape.ndims`; the methods are bound and run by `call`.
  static func attribute(_ name: String, of dimensions: [Int?], receiver: Value) -> Value? {
    switch name {
    case "rank", "ndims": return .int(dimensions.count)
    case "as_list", "num_elements", "is_fully_defined":
      return .method(receiver: receiver, name: name)
    default: return nil
    }
  }

  static func call(_ name: String, on dimensions: [Int?], positional: [Value], range: SourceRange)
    throws(CellError) -> Value?
  {
    guard positional.isEmpty else { return nil }
    switch name {
    case "as_list": return .list(PythonList(items(dimensions)))
    case "is_fully_defined": return .bool(!dimensions.contains(nil))
    case "num_elements":
      var product = 1
      for dimension in dimensions {
        guard let dimension else { return Value.none }
        let (result, overflow) = product.multipliedReportingOverflow(by: dimension)
        guard !overflow else {
          throw .unsupported(
            "ConvBook does not support element counts beyond 64 bits", at: range)
        }
        product = result
      }
      return .int(product)
    default: return nil
    }
  }
}
