import CNNEngine

/// NumPy's arithmetic ufuncs as objects (`np.add`, `np.subtract`, ...): called, they are the
/// operator (`np.add(a, b)` is `a + b`, NumPy's promotion and broadcasting); `.outer(a, b)` applies
/// it to every pair, `a` reshaped to `a.shape + (1,) * b.ndim` (`np.subtract.outer(x, x)`).
final class NumPyUfunc: StandardObject {
  static let operators: [String: BinaryOperator] = [
    "add": .add, "subtract": .subtract, "multiply": .multiply, "divide": .divide,
    "true_divide": .divide, "floor_divide": .floorDivide, "power": .power, "mod": .modulo,
    "remainder": .modulo,
  ]

  /// Every NumPy 2.4 ufunc (`isinstance(getattr(np, name), np.ufunc)`): the plain functions
  /// ConvBook models for some of them (`np.maximum`, `np.sqrt`) lack the ufunc methods, which are
  /// refused as ConvBook's limitation (`ufuncMethods`).
  static let numpyUfuncNames: Set<String> = [
    "abs", "absolute", "acos", "acosh", "add", "arccos", "arccosh", "arcsin", "arcsinh", "arctan",
    "arctan2", "arctanh", "asin", "asinh", "atan", "atan2", "atanh", "bitwise_and", "bitwise_count",
    "bitwise_invert", "bitwise_left_shift", "bitwise_not", "bitwise_or", "bitwise_right_shift",
    "bitwise_xor", "cbrt", "ceil", "conj", "conjugate", "copysign", "cos", "cosh", "deg2rad",
    "degrees", "divide", "divmod", "equal", "exp", "exp2", "expm1", "fabs", "float_power", "floor",
    "floor_divide", "fmax", "fmin", "fmod", "frexp", "gcd", "greater", "greater_equal", "heaviside",
    "hypot", "invert", "isfinite", "isinf", "isnan", "isnat", "lcm", "ldexp", "left_shift", "less",
    "less_equal", "log", "log10", "log1p", "log2", "logaddexp", "logaddexp2", "logical_and",
    "logical_not", "logical_or", "logical_xor", "matmul", "matvec", "maximum", "minimum", "mod",
    "modf", "multiply", "negative", "nextafter", "not_equal", "positive", "pow", "power", "rad2deg",
    "radians", "reciprocal", "remainder", "right_shift", "rint", "sign", "signbit", "sin", "sinh",
    "spacing", "sqrt", "square", "subtract", "tan", "tanh", "true_divide", "trunc", "vecdot",
    "vecmat",
  ]

  /// The attributes of a NumPy ufunc object beyond calling it.
  static let ufuncMethods: Set<String> = [
    "reduce", "accumulate", "reduceat", "outer", "at", "identity", "nin", "nout", "nargs",
    "ntypes", "types", "signature",
  ]

  let name: String
  let operation: BinaryOperator

  init?(named name: String) {
    guard let operation = Self.operators[name] else { return nil }
    self.name = name
    self.operation = operation
  }

  override var typeName: String { "ufunc" }
  override func repr(_ item: (Value) -> String) -> String { "<ufunc '\(name)'>" }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "outer": return .method(receiver: .standard(self), name: name)
    case "__name__": return .string(self.name)
    case "reduce", "accumulate", "at", "reduceat":
      throw .unsupported("ConvBook does not support `numpy.\(self.name).\(name)` yet", at: range)
    default: return nil
    }
  }

  private func operands(_ positional: [Value], _ keywords: [(String, Value)], site: CallSite)
    throws(CellError) -> (Value, Value)
  {
    guard keywords.isEmpty else {
      throw .unsupported(
        "ConvBook does not support `numpy.\(name)` with `\(keywords[0].0)=` yet", at: site.range)
    }
    guard positional.count == 2 else {
      throw CellError(
        type: "TypeError",
        message:
          "\(name)() takes from 2 to 3 positional arguments but \(positional.count) were given",
        range: site.range)
    }
    return (positional[0], positional[1])
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let (a, b) = try operands(positional, keywords, site: site)
    return try ArrayOperations.binary(
      operation, a, b, engine: interpreter.session.engine, range: site.range,
      budget: interpreter.budget)
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard name == "outer" else { return nil }
    let (a, b) = try operands(positional, keywords, site: site)
    let budget = interpreter.budget
    var left = try ArrayOperations.array(from: a, dtype: nil, range: site.range, budget: budget)
    let right = try ArrayOperations.array(from: b, dtype: nil, range: site.range, budget: budget)
    left.shape += [Int](repeating: 1, count: right.rank)
    return try ArrayOperations.binary(
      operation, .array(left), .array(right), engine: interpreter.session.engine,
      range: site.range, budget: budget)
  }
}
