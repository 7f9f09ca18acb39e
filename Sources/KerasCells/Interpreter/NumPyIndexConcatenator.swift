import CNNEngine

/// `np.r_` and `np.c_`: NumPy's index tricks that build an array from what is written between
/// their brackets (NumPy's `AxisConcatenator`). Slices are `np.arange` ranges, Python and NumPy
/// scalars and arrays (or lists) are pieces; every piece is made at least 1-d (`r_`, joined along
/// the first axis) or 2-d with a 1-d piece as a column (`c_`, joined along the last axis), in the
/// dtype of all pieces together (NumPy 2's rules: Python numbers are weak). The string directives
/// (`np.r_['0,2', ...]`) and float or complex slice steps are ConvBook's limitation.
final class NumPyIndexConcatenator: StandardObject {
  /// `c_` when true, else `r_`.
  let columns: Bool

  init(columns: Bool) { self.columns = columns }

  private var name: String { columns ? "c_" : "r_" }

  override var typeName: String { columns ? "CClass" : "RClass" }

  override func repr(_ item: (Value) -> String) -> String {
    "<numpy.lib._index_tricks_impl.\(typeName) object>"
  }

  override func item(at index: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    let items: [Value]
    if case .tuple(let elements) = index { items = elements } else { items = [index] }
    let budget = interpreter.budget
    var pieces: [NDArray] = []
    var dtype: NDArray.DType?
    var weak = true
    for item in items {
      var piece: NDArray
      var pieceWeak = false
      switch item {
      case .slice(let start, let stop, let step):
        guard let stop else { throw limitation("with a slice without an end", range: range) }
        piece = try arange(start: start ?? 0, stop: stop, step: step ?? 1, range: range, budget)
      case .string:
        throw limitation("with a string directive", range: range)
      case .bool, .int, .float, .bigInt, .standard(is NumPyScalar):
        try ArrayOperations.refuseLargeIntegers(.array(Self.empty), item, range: range)
        guard let (scalar, isWeak) = ArrayOperations.operand(item) else {
          throw limitation("with `\(PythonText.repr(item))`", range: range)
        }
        piece = scalar
        pieceWeak = isWeak
      default:
        piece = try ArrayOperations.array(from: item, dtype: nil, range: range, budget: budget)
      }
      if let current = dtype {
        dtype = ArrayOperations.resultType(
          NDArray(dtype: current, shape: [], doubles: [0]), weak,
          NDArray(dtype: piece.dtype, shape: [], doubles: [0]), pieceWeak)
        weak = weak && pieceWeak
      } else {
        dtype = piece.dtype
        weak = pieceWeak
      }
      pieces.append(shaped(piece))
    }
    guard let dtype else {
      // `np.r_[()]`: NumPy's own error.
      throw CellError(
        type: "ValueError", message: "need at least one array to concatenate", range: range)
    }
    var converted: [NDArray] = []
    for piece in pieces {
      converted.append(try ArrayOperations.convert(piece, to: dtype, range: range))
    }
    let axis = columns ? -1 : 0
    let joined = try ArrayOperations.concatenate(converted, axis: axis, range: range)
    try budget.allocate(count: joined.count, size: joined.dtype.storedSize, at: range)
    return .array(joined)
  }

  private static let empty = NDArray(dtype: .float64, shape: [0], doubles: [])

  /// A piece made at least 1-d (`r_`), or at least 2-d with a 0-d or 1-d piece as a column
  /// (`c_`: NumPy's `ndmin=2, trans1d=0`).
  private func shaped(_ piece: NDArray) -> NDArray {
    var shaped = piece
    switch (columns, piece.rank) {
    case (false, 0): shaped.shape = [1]
    case (true, 0): shaped.shape = [1, 1]
    case (true, 1): shaped.shape = [piece.count, 1]
    default: break
    }
    return shaped
  }

  /// `start:stop:step` as `np.arange(start, stop, step)` (int64).
  private func arange(
    start: Int, stop: Int, step: Int, range: SourceRange, _ budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    guard step != 0 else {
      throw CellError(type: "ZeroDivisionError", message: "division by zero", range: range)
    }
    for bound in [start, stop] where Double(bound.magnitude) > NumPyIntegers.exactLimit {
      throw .unsupported(
        "ConvBook arrays hold integers up to 2**53 exactly; \(bound) is larger", at: range)
    }
    let span = (Double(stop) - Double(start)) / Double(step)
    let count = max(0, Int(span.rounded(.up)))
    try budget.allocate(count: count, size: 8, at: range)
    return NDArray(
      dtype: .int64, shape: [count],
      doubles: NumPyKernel.arange(Double(start), step: Double(step), count: count))
  }

  private func limitation(_ what: String, range: SourceRange) -> CellError {
    .unsupported("ConvBook does not support `numpy.\(name)` \(what) yet", at: range)
  }
}
