/// `np.unique(a, return_counts=False)`: the sorted distinct values of the flattened array (NaN
/// last, once, as NumPy 2 gives it), and with `return_counts=True` also how often each occurs.
enum NumPyUnique {
  static func unique(
    _ array: NDArray, returnCounts: Value?, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    let counting: Bool
    switch returnCounts {
    case nil, .none?: counting = false
    case .bool(let flag)?: counting = flag
    case let other?: counting = other.isTruthy
    }
    try budget.allocate(count: array.count, size: array.dtype.storedSize, at: range)
    let values = (0..<array.count).map { array.value(at: $0) }
    var counts: [Double: Int] = [:]
    var nanCount = 0
    for value in values {
      if value.isNaN { nanCount += 1 } else { counts[value, default: 0] += 1 }
    }
    var distinct = counts.keys.sorted()
    var tally = distinct.map { counts[$0]! }
    if nanCount > 0 {
      distinct.append(.nan)
      tally.append(nanCount)
    }
    let result =
      array.dtype == .float32
      ? NDArray(dtype: .float32, shape: [distinct.count], scalars: distinct.map { Float($0) })
      : NDArray(dtype: array.dtype, shape: [distinct.count], doubles: distinct)
    guard counting else { return .array(result) }
    return .tuple([
      .array(result),
      .array(NDArray(dtype: .int64, shape: [tally.count], doubles: tally.map(Double.init))),
    ])
  }
}
