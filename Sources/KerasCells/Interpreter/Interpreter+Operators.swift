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
    if operation == .memberOf || operation == .notMemberOf {
      guard let found = try instanceContains(left, in: right, range: range) else { return nil }
      return operation == .memberOf ? found : !found
    }
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

  /// The enumeration `value` is (a subclass of `enum.Enum`), or nil.
  static func enumeration(_ value: Value) -> PythonClass? {
    guard case .function(let callable) = value, case .userClass(let type) = callable.kind,
      type.enumKind != nil
    else { return nil }
    return type
  }

  /// `len(x)` through the class' `__len__`, or nil when it defines none; CPython's errors for a
  /// result that is no int or is negative.
  func instanceLength(_ value: Value, range: SourceRange) throws(CellError) -> Int? {
    if let type = Self.enumeration(value) { return type.enumMembers.count }
    guard let method = specialMethod(value, "__len__") else { return nil }
    let result = try callSpecial(method, [value], range: range)
    let count: Int
    switch result {
    case .int(let number): count = number
    case .bool(let flag): count = flag ? 1 : 0
    default:
      throw CellError(
        type: "TypeError",
        message: "'\(result.typeName)' object cannot be interpreted as an integer", range: range)
    }
    guard count >= 0 else {
      throw CellError(type: "ValueError", message: "__len__() should return >= 0", range: range)
    }
    return count
  }

  /// `x[index]` through the class' `__getitem__`, or nil when it defines none.
  func instanceItem(_ value: Value, _ index: Value, range: SourceRange) throws(CellError)
    -> Value?
  {
    if let type = Self.enumeration(value) {
      return try StandardEnum.member(of: type, named: index, range: range)
    }
    guard let method = specialMethod(value, "__getitem__") else { return nil }
    return try callSpecial(method, [value, index], range: range)
  }

  /// The items of `for item in x` through the class' `__iter__` (an iterator class' `__next__`
  /// until StopIteration), else `__getitem__` from 0 until IndexError, as CPython's iteration
  /// protocol; nil when the class defines neither.
  func instanceItems(_ value: Value, range: SourceRange) throws(CellError) -> [Value]? {
    if let type = Self.enumeration(value) { return type.enumMembers.map { .instance($0) } }
    if let method = specialMethod(value, "__iter__") {
      let iterator = try callSpecial(method, [value], range: range)
      guard let next = specialMethod(iterator, "__next__") else {
        return try iterate(iterator, range: range)
      }
      return try collect(range: range) { () throws(CellError) in
        try callSpecial(next, [iterator], range: range)
      }
    }
    if let method = specialMethod(value, "__getitem__") {
      var index = 0
      return try collect(range: range) { () throws(CellError) in
        defer { index += 1 }
        return try callSpecial(method, [value, .int(index)], range: range)
      }
    }
    return nil
  }

  /// The values `produce` gives until it raises IndexError or StopIteration (CPython's ends of
  /// the two iteration protocols), each step charged to the budget.
  private func collect(range: SourceRange, _ produce: () throws(CellError) -> Value)
    throws(CellError) -> [Value]
  {
    var items: [Value] = []
    while true {
      do {
        items.append(try produce())
      } catch {
        if error.type == "IndexError" || error.type == "StopIteration" { return items }
        throw error
      }
      try step(at: range)
      try budget.allocate(slots: 1, at: range)
    }
  }

  /// `item in x` through the class' `__contains__`, else its iteration, or nil when the class
  /// defines neither.
  func instanceContains(_ item: Value, in container: Value, range: SourceRange)
    throws(CellError) -> Bool?
  {
    if let method = specialMethod(container, "__contains__") {
      return try callSpecial(method, [container, item], range: range).isTruthy
    }
    guard let items = try instanceItems(container, range: range) else { return nil }
    for each in items {
      if let equal = try instanceComparison(.equal, each, item, range: range) {
        if equal { return true }
      } else if Operators.equal(each, item) {
        return true
      }
    }
    return false
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
