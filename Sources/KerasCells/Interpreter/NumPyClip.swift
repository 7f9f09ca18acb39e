/// `np.clip(a, a_min, a_max)` with number bounds (either or both may be None, as NumPy 2 allows): the values limited to the
/// bounds, in the dtype NumPy gives (Python numbers are weak: a float32 array stays float32, an
/// integer array clipped to a float bound becomes float64).
enum NumPyClip {
  static func clip(
    _ array: NDArray, lower: Value?, upper: Value?, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    var dtype = array.dtype
    func bound(_ value: Value?) throws(CellError) -> Double? {
      switch value {
      case nil, .none?: return nil
      case .int(let number)?: return Double(number)
      case .float(let number)?:
        if !dtype.isFloat { dtype = .float64 }
        return number
      case .standard(let scalar as NumPyScalar)?:
        // A NumPy scalar is no weak Python number: its dtype takes part in the promotion.
        dtype = ArrayOperations.promote(dtype, scalar.dtype)
        return scalar.array.value(at: 0)
      case let other?:
        throw .unsupported(
          "ConvBook's np.clip takes numbers or None as bounds, not \(other.typeName)", at: range)
      }
    }
    let low = try bound(lower)
    let high = try bound(upper)
    try budget.allocate(count: array.count, size: dtype.storedSize, at: range)
    let values = (0..<array.count).map { offset -> Double in
      var value = array.value(at: offset)
      // NumPy's clip is minimum(maximum(a, a_min), a_max).
      if let low { value = Swift.max(value, low) }
      if let high { value = Swift.min(value, high) }
      return value
    }
    let result =
      dtype == .float32
      ? NDArray(dtype: dtype, shape: array.shape, scalars: values.map { Float($0) })
      : NDArray(dtype: dtype, shape: array.shape, doubles: values)
    if dtype.isInteger { try ArrayOperations.checkRange(dtype, .double(values), range: range) }
    return result.rank == 0 ? ArrayOperations.element(result, at: 0) : .array(result)
  }
}
