/// `np.unique(ar, return_index=False, return_inverse=False, return_counts=False)`: the sorted
/// distinct values of the flattened array (NaN last, once, as NumPy 2 gives it), and as asked the
/// index of each value's first occurrence, each element's place among the distinct values (in the
/// input's shape, as NumPy 2 gives it) and how often each occurs, in that order.
enum NumPyUnique {
  static func unique(
    _ array: NDArray, returnIndex: Bool, returnInverse: Bool, returnCounts: Bool,
    range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    try budget.allocate(count: array.count * 4, size: 8, at: range)
    let values = (0..<array.count).map { array.value(at: $0) }
    // One key per distinct value; all NaNs share one, sorted last.
    var places: [Double: Int] = [:]
    var firsts: [Double: Int] = [:]
    var counts: [Double: Int] = [:]
    var nanFirst: Int?
    var nanCount = 0
    for (offset, value) in values.enumerated() {
      if value.isNaN {
        if nanFirst == nil { nanFirst = offset }
        nanCount += 1
      } else {
        if firsts[value] == nil { firsts[value] = offset }
        counts[value, default: 0] += 1
      }
    }
    var distinct = counts.keys.sorted()
    var first = distinct.map { firsts[$0]! }
    var tally = distinct.map { counts[$0]! }
    for (place, value) in distinct.enumerated() { places[value] = place }
    if let nanFirst {
      distinct.append(.nan)
      first.append(nanFirst)
      tally.append(nanCount)
    }
    let result =
      array.dtype == .float32
      ? NDArray(dtype: .float32, shape: [distinct.count], scalars: distinct.map { Float($0) })
      : NDArray(dtype: array.dtype, shape: [distinct.count], doubles: distinct)
    func indices(_ items: [Int], shape: [Int]) -> Value {
      .array(NDArray(dtype: .int64, shape: shape, doubles: items.map(Double.init)))
    }
    var parts: [Value] = [.array(result)]
    if returnIndex { parts.append(indices(first, shape: [first.count])) }
    if returnInverse {
      let inverse = values.map { $0.isNaN ? distinct.count - 1 : places[$0]! }
      parts.append(indices(inverse, shape: array.rank == 0 ? [1] : array.shape))
    }
    if returnCounts { parts.append(indices(tally, shape: [tally.count])) }
    return parts.count == 1 ? parts[0] : .tuple(parts)
  }
}
