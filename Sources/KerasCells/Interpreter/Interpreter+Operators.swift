/// Operators on instances of classes defined in cells: `a + b` calls `__add__` (then the right
/// operand's `__radd__`), `a == b` calls `__eq__` (`!=` `__ne__`, or the negation of `__eq__`),
/// `a < b` calls `__lt__` (then the right operand's reflected `__gt__`), as CPython looks them up
/// on the class. A class without the method leaves the operator to the usual rules (identity for
/// `==`, CPython's TypeError for the rest).
extension Interpreter {
  private static let binaryMethods: [BinaryOperator: String] = [
    .add: "add", .subtract: "sub", .multiply: "mul", .divide: "truediv",
    .floorDivide: "floordiv", .modulo: "mod", .power: "pow", .matrixMultiply: "matmul",
    .leftShift: "lshift", .rightShift: "rshift", .bitwiseAnd: "and", .bitwiseOr: "or",
    .bitwiseXor: "xor",
  ]

  /// The comparison's method and its reflection (`__lt__` / `__gt__`).
  private static let comparisonMethods: [ComparisonOperator: (String, String)] = [
    .equal: ("__eq__", "__eq__"), .notEqual: ("__ne__", "__ne__"), .less: ("__lt__", "__gt__"),
    .lessOrEqual: ("__le__", "__ge__"), .greater: ("__gt__", "__lt__"),
    .greaterOrEqual: ("__ge__", "__le__"),
  ]

  /// The function a cell's class defines as `name`, for an instance of it.
  private func specialMethod(_ value: Value, _ name: String) -> Value? {
    guard case .instance(let instance) = value, instance.layerState == nil,
      let (method, _) = instance.type.lookup(name)
    else { return nil }
    switch method {
    case .function: return method
    case .standard(is DataclassMethod): return method
    default: return nil
    }
  }

  private func callSpecial(_ method: Value, _ arguments: [Value], range: SourceRange)
    throws(CellError) -> Value
  {
    try Calls.call(
      method, positional: arguments, keywords: [],
      site: CallSite(range: range, calleeRange: range, arguments: [], calleeText: ""),
      interpreter: self)
  }

  /// `re.I | re.M`: a bitwise operation of `re` flags (or a flag and an int) is a flag.
  func flagOperation(
    _ operation: BinaryOperator, _ left: Value, _ right: Value
  ) -> Value? {
    guard [.bitwiseOr, .bitwiseAnd, .bitwiseXor].contains(operation) else { return nil }
    func bits(_ value: Value) -> Int? {
      switch value {
      case .standard(let flag as RegexFlag): return flag.value
      case .int(let number): return number
      default: return nil
      }
    }
    var isFlag = false
    if case .standard(is RegexFlag) = left { isFlag = true }
    if case .standard(is RegexFlag) = right { isFlag = true }
    guard isFlag, let a = bits(left), let b = bits(right) else { return nil }
    switch operation {
    case .bitwiseOr: return .standard(RegexFlag(a | b))
    case .bitwiseAnd: return .standard(RegexFlag(a & b))
    default: return .standard(RegexFlag(a ^ b))
    }
  }

  /// `left op right` through the instances' methods, or nil when neither defines one.
  func instanceBinary(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, range: SourceRange
  ) throws(CellError) -> Value? {
    guard let name = Self.binaryMethods[operation] else { return nil }
    if let method = specialMethod(left, "__\(name)__") {
      return try callSpecial(method, [left, right], range: range)
    }
    if let method = specialMethod(right, "__r\(name)__") {
      return try callSpecial(method, [right, left], range: range)
    }
    return nil
  }

  /// `target op= value` through `__iadd__` (...), else `__add__` / `__radd__`, or nil.
  func instanceInPlace(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, range: SourceRange
  ) throws(CellError) -> Value? {
    if let name = Self.binaryMethods[operation], let method = specialMethod(left, "__i\(name)__") {
      return try callSpecial(method, [left, right], range: range)
    }
    return try instanceBinary(operation, left, right, range: range)
  }

  /// `left op right` for a comparison through the instances' methods, or nil when neither
  /// defines one.
  func instanceComparison(
    _ operation: ComparisonOperator, _ left: Value, _ right: Value, range: SourceRange
  ) throws(CellError) -> Bool? {
    guard let (name, reflected) = Self.comparisonMethods[operation] else { return nil }
    if let method = specialMethod(left, name) {
      return try callSpecial(method, [left, right], range: range).isTruthy
    }
    if let method = specialMethod(right, reflected) {
      return try callSpecial(method, [right, left], range: range).isTruthy
    }
    // `!=` without `__ne__` is the negation of `__eq__`.
    if operation == .notEqual,
      let equal = try instanceComparison(.equal, left, right, range: range)
    {
      return !equal
    }
    return nil
  }

  /// `d.keys() - {"a"}`, `d.keys() & other`, ...: a keys or items view is set-like, so these
  /// operators give a set, with any iterable on the other side (CPython's `dictviews_sub` ...).
  func viewSetOperation(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, range: SourceRange
  ) throws(CellError) -> Value? {
    guard [.subtract, .bitwiseAnd, .bitwiseOr, .bitwiseXor].contains(operation) else { return nil }
    func isSetLikeView(_ value: Value) -> Bool {
      guard case .list(let list) = value, let view = list.dictionaryView else { return false }
      return view != .values
    }
    guard isSetLikeView(left) || isSetLikeView(right) else { return nil }
    func asSet(_ value: Value) throws(CellError) -> PythonSet? {
      if case .set(let set) = value { return set }
      guard StandardFunctools.isIterable(value) else { return nil }
      let made = try SetOperations.literal(
        try iterate(value, range: range), allConstant: false, range: range, interpreter: self)
      if case .set(let set) = made { return set }
      return nil
    }
    guard let a = try asSet(left), let b = try asSet(right) else { return nil }
    return try SetOperations.binary(operation, a, b, range: range, interpreter: self)
  }
}
