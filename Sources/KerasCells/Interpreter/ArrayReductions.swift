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
  /// `reduce` over none (everything), one or several axes.
  static func reduce(
    _ reduction: Reduction, _ array: NDArray, axes: [Int]?, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> Value {
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

/// Axes as Python prints their tuple: `()`, `(0,)`, `(0, 2)`.
private func axesText(_ items: [Int]) -> String {
  items.count == 1 ? "(\(items[0]),)" : "(" + items.map(String.init).joined(separator: ", ") + ")"
}
