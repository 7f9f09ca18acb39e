/// NumPy's `RuntimeWarning` for integer scalars that wrap around (`np.int32(2**31 - 1) + 1`,
/// `np.uint8(3) - np.uint8(5)`): arrays wrap silently, NumPy scalars warn "overflow encountered in
/// scalar add" from the script's line, once per line as Python's default filter shows it.
/// `**` wraps without a warning, as NumPy's scalar power does.
enum NumPyScalarOverflow {
  static func check(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, result: Value,
    range: SourceRange, interpreter: Interpreter
  ) {
    let name: String
    switch operation {
    case .add: name = "add"
    case .subtract: name = "subtract"
    case .multiply: name = "multiply"
    case .floorDivide: name = "floor_divide"
    default: return
    }
    guard case .standard(let scalar as NumPyScalar) = result, scalar.dtype.isInteger,
      let a = operand(left), let b = operand(right),
      left.isNumPyScalar || right.isNumPyScalar
    else { return }
    let exact: Double
    switch operation {
    case .add: exact = a + b
    case .subtract: exact = a - b
    case .multiply: exact = a * b
    default:
      guard b != 0 else { return }
      exact = (a / b).rounded(.down)
    }
    guard exact != scalar.array.value(at: 0) else { return }
    var warning = KerasWarning(
      category: "RuntimeWarning", message: "overflow encountered in scalar \(name)", range: range)
    warning.namesCallerLine = true
    interpreter.warnOnce(
      location: "line \(range.start.line): RuntimeWarning: \(warning.message)", warning)
  }

  /// An integer operand's value: a NumPy integer scalar's or a Python int's.
  private static func operand(_ value: Value) -> Double? {
    switch value {
    case .int(let number): return Double(number)
    case .bool(let flag): return flag ? 1 : 0
    case .standard(let scalar as NumPyScalar) where scalar.dtype.isInteger || scalar.dtype == .bool:
      return scalar.array.value(at: 0)
    default: return nil
    }
  }
}

extension Value {
  fileprivate var isNumPyScalar: Bool {
    if case .standard(_ as NumPyScalar) = self { return true }
    return false
  }
}
