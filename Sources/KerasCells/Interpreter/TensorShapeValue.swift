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
    case "as_list", "num_elements", "is_fully_defined", "concatenate", "is_compatible_with",
      "merge_with", "with_rank", "assert_is_compatible_with":
      return .method(receiver: receiver, name: name)
    default: return nil
    }
  }

  /// TensorFlow's `merge_with`: the shapes' dimensions, each known size kept, or nil when the
  /// ranks differ or two known sizes do.
  private static func merge(_ first: [Int?], _ second: [Int?]) -> [Int?]? {
    guard first.count == second.count else { return nil }
    var merged: [Int?] = []
    for (a, b) in zip(first, second) {
      if let a, let b, a != b { return nil }
      merged.append(a ?? b)
    }
    return merged
  }

  /// A TensorShape as `str()` shows it: `(None, 4, 5)`, `(8,)`.
  private static func text(_ dimensions: [Int?]) -> String {
    PythonText.str(.tensorShape(dimensions))
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
    if ["is_compatible_with", "merge_with", "assert_is_compatible_with"].contains(name),
      positional.count == 1
    {
      guard let other = Self.dimensions(of: positional[0]) else {
        throw .unsupported(
          "ConvBook compares a TensorShape with a list, tuple or TensorShape, not \(positional[0].typeName)",
          at: range)
      }
      let merged = merge(dimensions, other)
      switch name {
      case "is_compatible_with": return .bool(merged != nil)
      case "assert_is_compatible_with" where merged != nil: return Value.none
      case "merge_with" where merged != nil: return .tensorShape(merged!)
      default:
        // TensorFlow's message for either a dimension or the rank that does not fit.
        throw CellError(
          type: "ValueError",
          message:
            name == "merge_with"
            ? "Shapes \(text(dimensions)) and \(text(other)) are not compatible"
            : "Shapes \(text(dimensions)) and \(PythonText.str(positional[0])) are incompatible",
          range: range)
      }
    }
    if name == "with_rank", positional.count == 1, case .int(let rank) = positional[0] {
      guard rank >= 0, dimensions.count == rank else {
        throw CellError(
          type: "ValueError", message: "Shape \(text(dimensions)) must have rank \(rank)",
          range: range)
      }
      return .tensorShape(dimensions)
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
