import CNNKernels

/// In-place arithmetic on a NumPy array (`x /= 255`, `x -= mean`): NumPy computes the result as
/// the operator does, then writes it into the array itself, which keeps its shape and dtype. A
/// result NumPy cannot cast back under its `same_kind` rule (an integer array `/=` anything)
/// raises NumPy's own casting error, as does a result broadcast to a larger shape.
enum ArrayInPlace {
  typealias DType = NDArray.DType

  /// The name of NumPy's error for an output it cannot cast back into the array.
  static let outputCastingError = "numpy._core._exceptions._UFuncOutputCastingError"

  /// `target op= operand` where `target` is an array; the array the target holds afterwards.
  static func apply(
    _ operation: BinaryOperator, _ target: NDArray, _ operand: Value, engine: TensorFlowEngine,
    range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    let result = try ArrayOperations.binary(
      operation, .array(target), operand, engine: engine, range: range, budget: budget)
    guard case .array(let array) = result else { return result }
    guard array.shape == target.shape else {
      throw CellError(
        type: "ValueError",
        message:
          "non-broadcastable output operand with shape \(shapeText(target.shape)) doesn't match the broadcast shape \(shapeText(array.shape))",
        range: range)
    }
    guard array.dtype != target.dtype else { return result }
    guard castsSameKind(array.dtype, to: target.dtype) else {
      throw CellError(
        type: outputCastingError,
        message:
          "Cannot cast ufunc '\(ufuncName(operation))' output from dtype('\(array.dtype.rawValue)') to dtype('\(target.dtype.rawValue)') with casting rule 'same_kind'",
        range: range)
    }
    return .array(try ArrayOperations.convert(array, to: target.dtype, range: range))
  }

  /// NumPy's `can_cast(from, to, "same_kind")`: any cast to the same or a later kind of
  /// boolean, unsigned, signed, float (`int64` to `uint8` is refused, `uint8` to `int32` not).
  static func castsSameKind(_ from: DType, to: DType) -> Bool {
    kind(from) <= kind(to)
  }

  private static func kind(_ dtype: DType) -> Int {
    switch dtype {
    case .bool: return 0
    case .uint8: return 1
    case .int32, .int64: return 2
    case .float32, .float64: return 3
    }
  }

  /// The ufunc NumPy names for an operator.
  static func ufuncName(_ operation: BinaryOperator) -> String {
    switch operation {
    case .add: return "add"
    case .subtract: return "subtract"
    case .multiply: return "multiply"
    case .divide: return "divide"
    case .floorDivide: return "floor_divide"
    case .modulo: return "remainder"
    case .power: return "power"
    case .matrixMultiply: return "matmul"
    case .leftShift: return "left_shift"
    case .rightShift: return "right_shift"
    case .bitwiseAnd: return "bitwise_and"
    case .bitwiseOr: return "bitwise_or"
    case .bitwiseXor: return "bitwise_xor"
    }
  }

  /// A shape as NumPy's broadcasting messages print it: `()`, `(3,)`, `(2,3)`.
  private static func shapeText(_ shape: [Int]) -> String {
    shape.count == 1
      ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
  }
}
