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

  /// `tf.TensorShape(dims)` of a list or tuple of whole numbers and `None`s (or another
  /// TensorShape); a shape of unknown rank (`tf.TensorShape(None)`) is refused.
  static func construct(_ positional: [Value], keywords: [(String, Value)], range: SourceRange)
    throws(CellError) -> Value
  {
    if let other = keywords.first(where: { $0.0 != "dims" }) {
      throw CellError(
        type: "TypeError",
        message: "TensorShape.__init__() got an unexpected keyword argument '\(other.0)'",
        range: range)
    }
    let given = positional.count + keywords.count
    guard given == 1 else {
      throw CellError(
        type: "TypeError",
        message: given == 0
          ? "TensorShape.__init__() missing 1 required positional argument: 'dims'"
          : "TensorShape.__init__() takes 2 positional arguments but \(given + 1) were given",
        range: range)
    }
    let value = positional.first ?? keywords[0].1
    if value.isNone {
      throw .unsupported("ConvBook does not support shapes of unknown rank yet", at: range)
    }
    guard let dimensions = dimensions(of: value) else {
      throw .unsupported(
        "ConvBook makes a TensorShape of a list or tuple of whole numbers and None, not \(value.typeName)",
        at: range)
    }
    return .tensorShape(dimensions)
  }

  /// The dimensions a list, tuple or TensorShape gives, or nil for anything else.
  static func dimensions(of value: Value) -> [Int?]? {
    if case .tensorShape(let dimensions) = value { return dimensions }
    guard let items = value.sequenceItems else { return nil }
    var dimensions: [Int?] = []
    for item in items {
      switch item {
      case .int(let n) where n >= 0: dimensions.append(n)
      case .none: dimensions.append(nil)
      default: return nil
      }
    }
    return dimensions
  }

  /// `shape.rank`, `shape.ndims`; the methods are bound and run by `call`.
  static func attribute(_ name: String, of dimensions: [Int?], receiver: Value) -> Value? {
    switch name {
    case "rank", "ndims": return .int(dimensions.count)
    case "as_list", "num_elements", "is_fully_defined", "concatenate":
      return .method(receiver: receiver, name: name)
    default: return nil
    }
  }

  static func call(_ name: String, on dimensions: [Int?], positional: [Value], range: SourceRange)
    throws(CellError) -> Value?
  {
    if name == "concatenate", positional.count == 1 {
      guard let other = Self.dimensions(of: positional[0]) else {
        throw .unsupported(
          "ConvBook concatenates a TensorShape with a list, tuple or TensorShape, not \(positional[0].typeName)",
          at: range)
      }
      return .tensorShape(dimensions + other)
    }
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
