import Foundation

/// `np.std(x, axis=...)` and `np.var(x, axis=...)`, computed in NumPy's steps so that float32
/// data gives NumPy's float32 digits: the mean (a sum divided by the count, kept with the reduced
/// axes), the deviations, their squares, their sum divided by `count - ddof`, and for `std` its
/// square root. Integer and boolean data is computed in float64.
extension ArrayOperations {
  /// `np.std` (`standardDeviation`) or `np.var` with `axis=` and `ddof=`, from a call's arguments.
  static func spread(
    _ name: String, _ array: NDArray, axis: Value?, ddof: Value?, keepDims: Bool = false,
    range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    var delta = 0
    switch ddof {
    case .int(let number)?: delta = number
    case nil, .none?: break
    case let other?:
      throw .unsupported(
        "ConvBook supports `ddof=` as an integer only, not \(other.typeName)", at: range)
    }
    try checkAxesFitCInt(axis, rank: array.rank, .normalized, range: range)
    let axes = try axes(axis, range: range)
    let result = try spread(
      standardDeviation: name == "std", array, axes: axes, ddof: delta, range: range,
      budget: budget)
    return keepDims ? try keepingDimensions(result, of: array, axes: axes, range: range) : result
  }

  static func spread(
    standardDeviation: Bool, _ array: NDArray, axes: [Int]?, ddof: Int, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> Value {
    let data = array.dtype.isFloat ? array : try convert(array, to: .float64, range: range)
    // The reduced axes, resolved, and the count of values each result summarises.
    var reduced: [Int] = []
    for axis in axes ?? Array(0..<array.rank) {
      let inside = try resolveAxis(axis, rank: array.rank, range: range)
      guard !reduced.contains(inside) else {
        throw CellError(type: "ValueError", message: "duplicate value in 'axis'", range: range)
      }
      reduced.append(inside)
    }
    let count = reduced.reduce(1) { $0 * array.shape[$1] }
    var kept = array.shape
    for axis in reduced { kept[axis] = 1 }
    func keepingAxes(_ value: Value) throws(CellError) -> Value {
      guard case .array(var result) = value else { return value }
      result.shape = kept
      return .array(result)
    }
    let sum = try keepingAxes(try reduce(.sum, data, axes: axes, range: range, budget: budget))
    let mean = try elementwise(.divide, sum, .int(count), range: range, budget: budget)
    let deviations = try elementwise(.subtract, .array(data), mean, range: range, budget: budget)
    let squares = try elementwise(.multiply, deviations, deviations, range: range, budget: budget)
    let total = try reduce(.sum, squaresArray(squares), axes: axes, range: range, budget: budget)
    guard count - ddof > 0 else {
      throw .unsupported(
        "ConvBook does not support a variance over \(count) values with ddof=\(ddof) (NumPy warns and gives nan or inf)",
        at: range)
    }
    // A NumPy scalar (everything reduced) or an array, in the data's float dtype.
    let variance = try elementwise(.divide, total, .int(count - ddof), range: range, budget: budget)
    guard standardDeviation else { return variance }
    let values: NDArray
    switch variance {
    case .standard(let scalar as NumPyScalar): values = scalar.array
    case .array(let array): values = array
    default: return variance
    }
    let roots =
      data.dtype == .float32
      ? NDArray(
        dtype: .float32, shape: values.shape, scalars: values.scalars.map { $0.squareRoot() })
      : NDArray(
        dtype: .float64, shape: values.shape,
        doubles: (0..<values.count).map { values.value(at: $0).squareRoot() })
    return roots.rank == 0 ? element(roots, at: 0) : .array(roots)
  }

  private static func squaresArray(_ value: Value) -> NDArray {
    guard case .array(let array) = value else {
      return NDArray(dtype: .float64, shape: [], doubles: [0])
    }
    return array
  }
}
