import CNNEngine

/// NumPy's `split`, `array_split`, `hsplit`, `vsplit` and `dsplit`
/// (`numpy/lib/_shape_base_impl.py`): a number of sections (`split` refuses one that does not
/// divide the axis, `array_split` gives the first `n % sections` pieces one row more) or the
/// indices to cut before. Each piece is the slice `[start:stop]` along the axis, with Python's
/// slice rules for indices beyond the axis or negative, a view of the array as NumPy's is; the
/// pieces come back as a list.
enum NumPySplit {
  static let names: Set<String> = ["split", "array_split", "hsplit", "vsplit", "dsplit"]

  static func call(
    _ name: String, _ arguments: NumPyFunctions.Arguments, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    let range = arguments.site.range
    let stacked = ["hsplit", "vsplit", "dsplit"].contains(name)
    try arguments.check(
      allowed: stacked ? ["ary", "indices_or_sections"] : ["ary", "indices_or_sections", "axis"])
    guard let given = arguments.value(0, "ary") else {
      throw CellError(
        type: "TypeError",
        message:
          "\(name)() missing 2 required positional arguments: 'ary' and 'indices_or_sections'",
        range: range)
    }
    guard let sections = arguments.value(1, "indices_or_sections") else {
      throw CellError(
        type: "TypeError",
        message: "\(name)() missing 1 required positional argument: 'indices_or_sections'",
        range: range)
    }
    let isArray: Bool
    if case .array = given { isArray = true } else { isArray = false }
    let array = try ArrayOperations.array(from: given, dtype: nil, range: range, budget: budget)
    var axis = try arguments.integer(2, "axis") ?? 0
    switch name {
    case "hsplit":
      guard array.rank >= 1 else {
        throw valueError("hsplit only works on arrays of 1 or more dimensions", range)
      }
      axis = array.rank > 1 ? 1 : 0
    case "vsplit":
      guard array.rank >= 2 else {
        throw valueError("vsplit only works on arrays of 2 or more dimensions", range)
      }
      axis = 0
    case "dsplit":
      guard array.rank >= 3 else {
        throw valueError("dsplit only works on arrays of 3 or more dimensions", range)
      }
      axis = 2
    default: break
    }
    // `ary.shape[axis]`: Python's tuple indexing.
    guard axis >= -array.rank, axis < array.rank else {
      throw CellError(type: "IndexError", message: "tuple index out of range", range: range)
    }
    if axis < 0 { axis += array.rank }
    let total = array.shape[axis]
    var cuts: [Int]
    if let indices = try self.indices(sections, range: range) {
      cuts = [0] + indices + [total]
    } else {
      guard case .int(let count) = NumPyScalar.integer(sections) else {
        throw CellError(
          type: "TypeError",
          message: "'\(sections.typeName)' object cannot be interpreted as an integer",
          range: range)
      }
      if name != "array_split" {
        // `split` reads `ary.shape` itself: a list has none.
        guard isArray else {
          throw CellError(
            type: "AttributeError",
            message: "'\(given.typeName)' object has no attribute 'shape'", range: range)
        }
        guard count != 0 else {
          throw CellError(
            type: "ZeroDivisionError", message: "integer modulo by zero", range: range)
        }
        if total % count != 0 {
          throw valueError("array split does not result in an equal division", range)
        }
      }
      guard count > 0 else { throw valueError("number sections must be larger than 0.", range) }
      let (each, extras) = total.quotientAndRemainder(dividingBy: count)
      cuts = [0]
      for section in 0..<count { cuts.append(cuts[section] + each + (section < extras ? 1 : 0)) }
    }
    // Views of the array (a list is converted once, as NumPy's `swapaxes` does).
    var pieces: [Value] = []
    for index in 0..<(cuts.count - 1) {
      let items =
        [Value](repeating: .slice(start: nil, stop: nil, step: nil), count: axis)
        + [.slice(start: cuts[index], stop: cuts[index + 1], step: nil)]
      pieces.append(
        try ArrayOperations.subscriptValue(array, .tuple(items), range: range, budget: budget))
    }
    return .list(PythonList(pieces))
  }

  /// The indices to cut at when `indices_or_sections` is a sequence (a list, a tuple, an array);
  /// nil for a number of sections.
  private static func indices(_ given: Value, range: SourceRange) throws(CellError) -> [Int]? {
    var items: [Value]
    switch given {
    case .array(let array) where array.rank >= 1:
      items = (0..<array.count).map { ArrayOperations.element(array, at: $0) }
    case let other where other.sequenceItems != nil: items = other.sequenceItems ?? []
    default: return nil
    }
    var indices: [Int] = []
    for item in items {
      guard case .int(let index) = NumPyScalar.integer(item) else {
        throw CellError(
          type: "TypeError",
          message:
            "slice indices must be integers or None or have an __index__ method", range: range)
      }
      indices.append(index)
    }
    return indices
  }

  private static func valueError(_ message: String, _ range: SourceRange) -> CellError {
    CellError(type: "ValueError", message: message, range: range)
  }
}
