/// Reductions over several axes at once (`np.mean(x, axis=(0, 1, 2))`, the per-channel mean of
/// image data). NumPy merges adjacent reduced axes into one before it reduces, so a run of
/// adjacent axes reduces as one axis of their combined size, with NumPy's order of summation.
extension ArrayOperations {
  /// `axis=`: None, one integer, or a tuple of integers.
  static func axes(_ given: Value?, range: SourceRange) throws(CellError) -> [Int]? {
    func integer(_ item: Value) throws(CellError) -> Int {
      switch item {
      case .int(let axis): return axis
      case .array(let array) where array.rank == 0 && array.dtype.isInteger:
        return Int(array.value(at: 0))
      default:
        throw CellError(
          type: "TypeError",
          message: "'\(item.typeName)' object cannot be interpreted as an integer", range: range)
      }
    }
    guard let given, !given.isNone else { return nil }
    guard case .tuple = given, let items = given.sequenceItems else { return [try integer(given)] }
    var axes: [Int] = []
    for item in items { axes.append(try integer(item)) }
    return axes
  }
}

extension ArrayOperations {
  /// How a NumPy function turns an `axis=` Python int into a C `int`, which decides its error for
  /// one outside the int32 range (hostile batch4 f04-f07, f27, f28, f31).
  enum AxisConversion {
    /// NumPy's C functions (`sum`, `max`, `argmax`, `concatenate`, `cumsum`, `argsort`,
    /// `repeat`, ...): `ValueError: integer won't fit into a C int`.
    case cFunction
    /// The functions written in Python that normalize their axes (`mean`, `std`, `var`,
    /// `expand_dims`, `stack`, `flip`, `roll`, `sort`, `insert`): `OverflowError: Python int too
    /// large to convert to C int`.
    case normalized
  }

  /// Refuses, in NumPy's words, an `axis=` (one int or a tuple of them) that does not fit a C int;
  /// beyond 64 bits every function fails converting it to a C long. An axis read before it that
  /// is out of bounds for `rank` is reported first, by the function's own bounds check.
  static func checkAxesFitCInt(
    _ given: Value?, rank: Int? = nil, _ conversion: AxisConversion, range: SourceRange
  ) throws(CellError) {
    guard let given, !given.isNone else { return }
    let items: [Value]
    if case .tuple(let members) = given { items = members } else { items = [given] }
    for item in items {
      switch item {
      case .bigInt:
        throw CellError(
          type: "OverflowError", message: "Python int too large to convert to C long",
          range: range)
      case .int(let axis):
        if Int32(exactly: axis) == nil {
          switch conversion {
          case .cFunction:
            throw CellError(
              type: "ValueError", message: "integer won't fit into a C int", range: range)
          case .normalized:
            throw CellError(
              type: "OverflowError", message: "Python int too large to convert to C int",
              range: range)
          }
        }
        if let rank, axis < -rank || axis >= rank { return }
      default: return
      }
    }
  }

  /// `reduce` over none (everything), one or several axes.
  /// `keepDims` (`keepdims=True`) keeps each reduced axis as a dimension of size 1, so that even
  /// a reduction over everything gives an array.
  static func reduce(
    _ reduction: Reduction, _ array: NDArray, axes: [Int]?, keepDims: Bool = false,
    range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    if keepDims {
      let result = try reduce(reduction, array, axes: axes, range: range, budget: budget)
      return try keepingDimensions(result, of: array, axes: axes, range: range)
    }
    guard let axes, axes.count != 1 else {
      return try reduce(reduction, array, axis: axes?.first, range: range, budget: budget)
    }
    if reduction == .argmax || reduction == .argmin {
      throw CellError(
        type: "TypeError", message: "'tuple' object cannot be interpreted as an integer",
        range: range)
    }
    var resolved: [Int] = []
    for axis in axes {
      let inside = try resolveAxis(axis, rank: array.rank, range: range)
      guard !resolved.contains(inside) else {
        throw CellError(type: "ValueError", message: "duplicate value in 'axis'", range: range)
      }
      resolved.append(inside)
    }
    resolved.sort()
    guard let first = resolved.first, let last = resolved.last, last - first + 1 == resolved.count
    else {
      throw .unsupported(
        "ConvBook reduces over adjacent axes only (axis=\(axesText(axes))); reduce one axis at a time",
        at: range)
    }
    var merged = array
    merged.shape =
      Array(array.shape[..<first]) + [array.shape[first...last].reduce(1, *)]
      + Array(array.shape[(last + 1)...])
    return try reduce(reduction, merged, axis: first, range: range, budget: budget)
  }
}

extension ArrayOperations {
  /// A reduction's result with its reduced axes kept as dimensions of size 1 (`keepdims=True`):
  /// `array`'s shape with those axes (all of them for `axes == nil`) set to 1.
  static func keepingDimensions(
    _ result: Value, of array: NDArray, axes: [Int]?, range: SourceRange
  ) throws(CellError) -> Value {
    var kept = array.shape
    for axis in axes ?? Array(0..<array.rank) {
      kept[try resolveAxis(axis, rank: array.rank, range: range)] = 1
    }
    switch result {
    case .array(var values):
      values.shape = kept
      return .array(values)
    case .standard(let scalar as NumPyScalar):
      var values = scalar.array
      values.shape = kept
      return .array(values)
    default: return result
    }
  }
}

/// Axes as Python prints their tuple: `()`, `(0,)`, `(0, 2)`.
private func axesText(_ items: [Int]) -> String {
  items.count == 1 ? "(\(items[0]),)" : "(" + items.map(String.init).joined(separator: ", ") + ")"
}
