import BigInt
import Foundation

/// Python's arithmetic, comparison and indexing on the values the cell language has.
enum Operators {
  static func typeError(_ message: String, _ range: SourceRange) -> CellError {
    CellError(type: "TypeError", message: message, range: range)
  }

  static func unary(_ operation: UnaryOperator, _ operand: Value, range: SourceRange)
    throws(CellError) -> Value
  {
    switch (operation, operand) {
    case (.not, _): return .bool(!operand.isTruthy)
    case (.negate, .int(let value)):
      return value == .min ? .bigInt(-BigInt(value)) : .int(-value)
    case (.negate, .bigInt(let value)): return PythonInteger.value(-value)
    case (.negate, .float(let value)): return .float(-value)
    case (.negate, .bool(let value)): return .int(value ? -1 : 0)
    case (.plus, .int), (.plus, .bigInt), (.plus, .float): return operand
    case (.plus, .bool(let value)): return .int(value ? 1 : 0)
    case (.invert, .int(let value)): return .int(~value)
    case (.invert, .bigInt(let value)): return PythonInteger.value(-value - 1)
    case (.invert, .bool(let value)): return .int(value ? -2 : -1)
    default:
      throw typeError(
        "bad operand type for unary \(operation.symbol): '\(operand.typeName)'", range)
    }
  }

  /// Python's numeric tower: `bool` ⊂ `int` ⊂ `float`.
  enum Number {
    case int(Int)
    case big(BigInt)
    case float(Double)

    init?(_ value: Value) {
      switch value {
      case .int(let number): self = .int(number)
      case .bigInt(let number): self = .big(number)
      case .float(let number): self = .float(number)
      case .bool(let flag): self = .int(flag ? 1 : 0)
      // A NumPy scalar is the Python number it stands for.
      case .standard(let scalar as NumPyScalar): self.init(scalar.pythonValue)
      // A flag of `re` is the int it stands for.
      case .standard(let flag as RegexFlag): self = .int(flag.value)
      // An `IntEnum` member is the int it stands for.
      case .instance:
        guard let number = StandardEnum.mixedInValue(value) else { return nil }
        self.init(number)
      default: return nil
      }
    }

    /// The exact integer, for `int` and `bool`.
    var integer: BigInt? {
      switch self {
      case .int(let number): return BigInt(number)
      case .big(let number): return number
      case .float: return nil
      }
    }

    /// The value as a float; a big integer that a double cannot hold is Python's OverflowError.
    func double(_ range: SourceRange) throws(CellError) -> Double {
      switch self {
      case .int(let number): return Double(number)
      case .float(let number): return number
      case .big(let number):
        guard let converted = PythonInteger.double(number) else {
          throw CellError(
            type: "OverflowError", message: "int too large to convert to float", range: range)
        }
        return converted
      }
    }
  }

  static func binary(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> Value {
    if let a = Number(left), let b = Number(right) {
      return try arithmetic(operation, a, b, range: range)
    }
    // `np.str_` is a `str`, and its operators give `str`s (`digit + "0"`).
    if case .standard(let text as NumPyString) = left {
      return try binary(operation, .string(text.text), right, range: range, budget: budget)
    }
    if case .standard(let text as NumPyString) = right {
      return try binary(operation, left, .string(text.text), range: range, budget: budget)
    }
    if case .standard(let object) = left,
      let result = try object.binary(operation, right, reflected: false, range: range)
    {
      return result
    }
    if case .standard(let object) = right,
      let result = try object.binary(operation, left, reflected: true, range: range)
    {
      return result
    }
    switch (operation, left, right) {
    case (.add, .string(let a), .string(let b)):
      try budget.allocate(bytes: a.utf8.count + b.utf8.count, at: range)
      return .string(a + b)
    // TensorShape's `__add__` / `__radd__` concatenate (`(1,) + x.shape + (1,)`).
    case (.add, .tensorShape, .tuple), (.add, .tuple, .tensorShape),
      (.add, .tensorShape, .tensorShape):
      func dimensions(_ value: Value) -> [Int?] {
        if case .tensorShape(let dimensions) = value { return dimensions }
        return (value.sequenceItems ?? []).map { if case .int(let n) = $0 { n } else { nil } }
      }
      return .tensorShape(dimensions(left) + dimensions(right))
    case (.add, .tuple(let a), .tuple(let b)):
      try budget.allocate(slots: a.count + b.count, at: range)
      return .tuple(a + b)
    case (.add, .list(let a), .list(let b)):
      try budget.allocate(slots: a.count + b.count, at: range)
      return .list(a.items + b.items)
    case (.multiply, .string(let text), _), (.multiply, _, .string(let text)):
      let count = try repetitionCount(left, right, range: range)
      try checkRepetition(text.unicodeScalars.count, count, string: true, range: range)
      try budget.allocate(count: count, size: text.utf8.count, at: range)
      return .string(String(repeating: text, count: count))
    case (.multiply, .list(let items), _), (.multiply, _, .list(let items)):
      let count = try repetitionCount(left, right, range: range)
      try checkRepetition(items.count, count, string: false, range: range)
      try budget.allocate(count: count, size: items.count * EvaluationBudget.slotBytes, at: range)
      return .list(Array(repeatElement(items, count: count).joined()))
    case (.multiply, .tuple(let items), _), (.multiply, _, .tuple(let items)):
      let count = try repetitionCount(left, right, range: range)
      try checkRepetition(items.count, count, string: false, range: range)
      try budget.allocate(count: count, size: items.count * EvaluationBudget.slotBytes, at: range)
      return .tuple(Array(repeatElement(items, count: count).joined()))
    case (.modulo, .string(let template), _):
      return .string(try PercentFormat.format(template, right, range: range, budget: budget))
    // Python 3.9's dict union: a new dict of the left's items, updated with the right's
    // (`base_config | self.config` in get_config).
    case (.bitwiseOr, .dictionary(let a), .dictionary(let b))
    where { if case .plain = a.flavor { true } else { false } }()
      && { if case .plain = b.flavor { true } else { false } }():
      try budget.allocate(slots: 2 * (a.pairs.count + b.pairs.count), at: range)
      let merged = PythonDict(a.pairs)
      for (key, value) in b.pairs { merged.set(key, value) }
      return .dictionary(merged)
    case (.rightShift, .function(let callable), _) where callable.kind == .builtin("print"):
      // Python 2's `print >>sys.stderr, text`: CPython names the C types and adds its hint.
      let rightName: String
      switch right {
      case .standard(is StandardStream): rightName = "_io.TextIOWrapper"
      case .array: rightName = "numpy.ndarray"
      case .function(let given):
        if case .builtin = given.kind {
          rightName = "builtin_function_or_method"
        } else {
          rightName = right.typeName
        }
      default: rightName = right.typeName
      }
      throw typeError(
        "unsupported operand type(s) for >>: 'builtin_function_or_method' and '\(rightName)'. Did you mean \"print(<message>, file=<output_stream>)\"?",
        range)
    case (.add, .string, _), (.add, .list, _), (.add, .tuple, _):
      // CPython's sequences refuse to concatenate another type in their own words.
      throw typeError(
        "can only concatenate \(left.typeName) (not \"\(right.typeName)\") to \(left.typeName)",
        range)
    default:
      if let refusal = WeightValues.variableOperandRefusal(
        [left, right], operation.symbol, range: range)
      {
        throw refusal
      }
      throw typeError(
        "unsupported operand type(s) for \(operation.symbol): '\(left.typeName)' and '\(right.typeName)'",
        range)
    }
  }

  /// The count of `sequence * count` (either order), clamped at zero as Python does; a count beyond
  /// 64 bits is Python's OverflowError.
  private static func repetitionCount(_ left: Value, _ right: Value, range: SourceRange)
    throws(CellError) -> Int
  {
    let countValue: Value
    switch left {
    case .string, .list, .tuple: countValue = right
    default: countValue = left
    }
    switch countValue {
    case .int(let count): return max(count, 0)
    case .bool(let flag): return flag ? 1 : 0
    case .bigInt:
      // CPython converts the count to an index-sized integer first, whatever its sign.
      throw CellError(
        type: "OverflowError", message: "cannot fit 'int' into an index-sized integer",
        range: range)
    default:
      throw typeError(
        "can't multiply sequence by non-int of type '\(countValue.typeName)'", range)
    }
  }

  /// CPython's own limits on `sequence * count`, met before it allocates anything: a string
  /// longer than `PY_SSIZE_T_MAX` characters is an OverflowError; a list or tuple of more
  /// pointers than `PY_SSIZE_T_MAX` bytes hold is a MemoryError (with no message). Below them
  /// CPython tries to allocate, and ConvBook's memory budget decides.
  private static func checkRepetition(
    _ length: Int, _ count: Int, string: Bool, range: SourceRange
  ) throws(CellError) {
    guard count > 0, length > 0 else { return }
    let (total, overflow) = length.multipliedReportingOverflow(by: count)
    if string {
      if overflow {
        throw CellError(type: "OverflowError", message: "repeated string is too long", range: range)
      }
    } else if overflow || total > Int.max / MemoryLayout<UnsafeRawPointer>.size {
      throw CellError(type: "MemoryError", message: "", range: range)
    }
  }

  private static func zeroDivision(_ message: String, _ range: SourceRange) -> CellError {
    CellError(type: "ZeroDivisionError", message: message, range: range)
  }

  /// CPython 3.11 names `%` on its own; `//` (and `divmod`) share one message.
  private static func integerZeroDivision(_ operation: BinaryOperator, _ range: SourceRange)
    -> CellError
  {
    zeroDivision(
      operation == .modulo ? "integer modulo by zero" : "integer division or modulo by zero", range)
  }

  static func arithmetic(_ operation: BinaryOperator, _ a: Number, _ b: Number, range: SourceRange)
    throws(CellError) -> Value
  {
    if case .int(let x) = a, case .int(let y) = b,
      let result = try smallArithmetic(operation, x, y, range: range)
    {
      return result
    }
    if let x = a.integer, let y = b.integer {
      return try bigArithmetic(operation, x, y, range: range)
    }
    return try floatArithmetic(operation, try a.double(range), try b.double(range), range: range)
  }

  /// 64-bit integer arithmetic; nil when the result needs a big integer.
  private static func smallArithmetic(
    _ operation: BinaryOperator, _ x: Int, _ y: Int, range: SourceRange
  ) throws(CellError) -> Value? {
    switch operation {
    case .add:
      let (sum, overflow) = x.addingReportingOverflow(y)
      return overflow ? nil : .int(sum)
    case .subtract:
      let (difference, overflow) = x.subtractingReportingOverflow(y)
      return overflow ? nil : .int(difference)
    case .multiply:
      let (product, overflow) = x.multipliedReportingOverflow(by: y)
      return overflow ? nil : .int(product)
    case .floorDivide, .modulo:
      guard y != 0 else { throw integerZeroDivision(operation, range) }
      guard let (quotient, remainder) = PythonInteger.floorDivMod(x, y) else { return nil }
      return .int(operation == .floorDivide ? quotient : remainder)
    case .divide:
      guard y != 0 else { throw zeroDivision("division by zero", range) }
      return nil
    case .bitwiseAnd: return .int(x & y)
    case .bitwiseOr: return .int(x | y)
    case .bitwiseXor: return .int(x ^ y)
    case .rightShift:
      guard y >= 0 else {
        throw CellError(type: "ValueError", message: "negative shift count", range: range)
      }
      return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
    case .leftShift, .power, .matrixMultiply: return nil
    }
  }

  private static func bigArithmetic(
    _ operation: BinaryOperator, _ x: BigInt, _ y: BigInt, range: SourceRange
  ) throws(CellError) -> Value {
    func checked(_ result: BigInt) throws(CellError) -> Value {
      if result.magnitude.bitWidth > PythonInteger.maximumBits {
        throw EvaluationBudget.integerTooLarge(at: range)
      }
      return PythonInteger.value(result)
    }
    switch operation {
    case .add: return try checked(x + y)
    case .subtract: return try checked(x - y)
    case .multiply:
      if x.magnitude.bitWidth + y.magnitude.bitWidth > PythonInteger.maximumBits + 1 {
        throw EvaluationBudget.integerTooLarge(at: range)
      }
      return try checked(x * y)
    case .floorDivide, .modulo:
      guard !y.isZero else { throw integerZeroDivision(operation, range) }
      let (quotient, remainder) = PythonInteger.floorDivMod(x, y)
      return PythonInteger.value(operation == .floorDivide ? quotient : remainder)
    case .divide:
      guard !y.isZero else { throw zeroDivision("division by zero", range) }
      guard let quotient = PythonInteger.trueDivide(x, y) else {
        throw CellError(
          type: "OverflowError", message: "integer division result too large for a float",
          range: range)
      }
      return .float(quotient)
    case .power:
      if y.sign == .minus {
        return try floatArithmetic(
          .power, try Number.big(x).double(range), try Number.big(y).double(range), range: range)
      }
      if x.isZero || x == 1 { return .int(y.isZero ? 1 : Int(x)) }
      if x == -1 { return .int(y.words[0] & 1 == 0 ? 1 : -1) }
      // The result has at least (bits(x) - 1) * y + 1 bits: refuse before computing what is too wide.
      guard let exponent = Int(exactly: y),
        exponent <= PythonInteger.maximumBits,
        (x.magnitude.bitWidth - 1) * exponent < PythonInteger.maximumBits
      else { throw EvaluationBudget.integerTooLarge(at: range) }
      return try checked(x.power(exponent))
    case .leftShift:
      guard y.sign != .minus else {
        throw CellError(type: "ValueError", message: "negative shift count", range: range)
      }
      if x.isZero { return .int(0) }
      guard let shift = Int(exactly: y), shift <= PythonInteger.maximumBits else {
        throw EvaluationBudget.integerTooLarge(at: range)
      }
      if x.magnitude.bitWidth + shift > PythonInteger.maximumBits {
        throw EvaluationBudget.integerTooLarge(at: range)
      }
      return try checked(x << shift)
    case .rightShift:
      guard y.sign != .minus else {
        throw CellError(type: "ValueError", message: "negative shift count", range: range)
      }
      guard let shift = Int(exactly: y), shift < x.magnitude.bitWidth + 1 else {
        return .int(x.sign == .minus ? -1 : 0)
      }
      // Python's shift floors: -5 >> 1 is -3.
      return PythonInteger.value(PythonInteger.floorDivMod(x, BigInt(1) << shift).quotient)
    case .bitwiseAnd, .bitwiseOr, .bitwiseXor:
      guard x.sign != .minus, y.sign != .minus else {
        throw .unsupported(
          "ConvBook does not support bitwise operators on negative integers beyond 64 bits yet",
          at: range)
      }
      var result = x.magnitude
      switch operation {
      case .bitwiseAnd: result &= y.magnitude
      case .bitwiseOr: result |= y.magnitude
      default: result ^= y.magnitude
      }
      return PythonInteger.value(BigInt(result))
    case .matrixMultiply:
      throw typeError("unsupported operand type(s) for @: 'int' and 'int'", range)
    }
  }

  /// Float arithmetic as CPython's `floatobject.c` does it, signs of zero included.
  private static func floatArithmetic(
    _ operation: BinaryOperator, _ x: Double, _ y: Double, range: SourceRange
  ) throws(CellError) -> Value {
    switch operation {
    case .add: return .float(x + y)
    case .subtract: return .float(x - y)
    case .multiply: return .float(x * y)
    case .divide:
      guard y != 0 else { throw zeroDivision("float division by zero", range) }
      return .float(x / y)
    case .floorDivide:
      guard y != 0 else { throw zeroDivision("float floor division by zero", range) }
      return .float(floatDivMod(x, y).quotient)
    case .modulo:
      guard y != 0 else { throw zeroDivision("float modulo", range) }
      return .float(floatDivMod(x, y).remainder)
    case .power: return .float(try floatPower(x, y, range: range))
    default:
      throw typeError(
        "unsupported operand type(s) for \(operation.symbol): 'float' and 'float'", range)
    }
  }

  /// CPython's `_float_div_mod`.
  static func floatDivMod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
    var remainder = fmod(x, y)
    var division = (x - remainder) / y
    if remainder != 0 {
      if (y < 0) != (remainder < 0) {
        remainder += y
        division -= 1
      }
    } else {
      remainder = Double(signOf: y, magnitudeOf: 0)
    }
    var quotient: Double
    if division != 0 {
      quotient = division.rounded(.down)
      if division - quotient > 0.5 { quotient += 1 }
    } else {
      quotient = Double(signOf: x / y, magnitudeOf: 0)
    }
    return (quotient, remainder)
  }

  /// CPython's `float_pow`: special cases first, then the C library's `pow`.
  private static func floatPower(_ x: Double, _ y: Double, range: SourceRange) throws(CellError)
    -> Double
  {
    if y == 0 { return 1 }
    if x.isNaN { return x }
    if y.isNaN { return x == 1 ? 1 : y }
    if x == 0 && y < 0 && !y.isInfinite {
      throw zeroDivision("0.0 cannot be raised to a negative power", range)
    }
    if x < 0 && y != y.rounded() && !y.isInfinite && !x.isInfinite {
      throw .unsupported(
        "ConvBook does not support complex numbers: a negative number raised to a fractional power is complex in Python",
        at: range)
    }
    let result = Foundation.pow(x, y)
    if result.isInfinite && x.isFinite && y.isFinite {
      throw CellError(
        type: "OverflowError", message: "(34, 'Numerical result out of range')", range: range)
    }
    return result
  }

  /// Python's `==` between two numbers: exact, even between a big integer and a float.
  static func numbersEqual(_ a: Number, _ b: Number) -> Bool {
    numberOrder(a, b) == 0
  }

  /// -1, 0 or 1; nil when a NaN is involved.
  static func numberOrder(_ a: Number, _ b: Number) -> Int? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.float(let x), .float(let y)):
      if x.isNaN || y.isNaN { return nil }
      return x < y ? -1 : (x == y ? 0 : 1)
    case (.float(let x), _): return integerFloatOrder(b.integer!, x).map { -$0 }
    case (_, .float(let y)): return integerFloatOrder(a.integer!, y)
    default:
      let x = a.integer!
      let y = b.integer!
      return x < y ? -1 : (x == y ? 0 : 1)
    }
  }

  /// Compares an integer with a float exactly, as CPython's `float_richcompare` does.
  private static func integerFloatOrder(_ x: BigInt, _ y: Double) -> Int? {
    if y.isNaN { return nil }
    if y.isInfinite { return y > 0 ? -1 : 1 }
    let floor = y.rounded(.down)
    let whole = BigInt(exactly: floor)!
    if x < whole { return -1 }
    if x > whole { return 1 }
    return floor == y ? 0 : -1
  }

  static func equal(_ left: Value, _ right: Value) -> Bool {
    var exceeded = false
    return equal(left, right, depth: 0, exceeded: &exceeded)
  }

  /// `left == right` as the `==` operator runs it: containers nested deeper than CPython's
  /// recursion limit allows from a script's top level (one level of comparison per nested
  /// container, 999 with the module's frame) raise its RecursionError.
  static func equalOperator(_ left: Value, _ right: Value, range: SourceRange)
    throws(CellError) -> Bool
  {
    var exceeded = false
    let result = equal(left, right, depth: 0, exceeded: &exceeded)
    if exceeded {
      throw CellError(
        type: "RecursionError", message: "maximum recursion depth exceeded in comparison",
        range: range)
    }
    return result
  }

  /// Containers nested deeper than `PythonText.maximumNesting + 1` compare unequal and set
  /// `exceeded` (CPython raises RecursionError there); the bound keeps the comparison off the end
  /// of the stack.
  private static func equal(_ left: Value, _ right: Value, depth: Int, exceeded: inout Bool)
    -> Bool
  {
    // The same tuple is equal to itself however deep it nests, as CPython's identity check on
    // items makes it (`x == x` and `x in [x]` for `x = (x,)` built 100,000 times were False).
    if case .tuple(let a) = left, case .tuple(let b) = right, !a.isEmpty,
      a.withUnsafeBufferPointer({ first in
        b.withUnsafeBufferPointer { second in
          first.baseAddress == second.baseAddress && first.count == second.count
        }
      })
    {
      return true
    }
    if exceeded { return false }
    if depth > PythonText.maximumNesting + 1 {
      exceeded = true
      return false
    }
    if let a = Number(left), let b = Number(right) { return numbersEqual(a, b) }
    // A 0-d NumPy array in a container compares as the number it holds (its `==` is a 0-d bool,
    // whose truth Python takes): tf-keras' ReLU config holds `array(6., dtype=float32)`.
    if case .array(let a) = left, a.rank == 0, a.tensorFlowDType == nil {
      return equal(ArrayOperations.scalar(a, at: 0), right, depth: depth, exceeded: &exceeded)
    }
    if case .array(let b) = right, b.rank == 0, b.tensorFlowDType == nil {
      return equal(left, ArrayOperations.scalar(b, at: 0), depth: depth, exceeded: &exceeded)
    }
    // A namedtuple is equal to the tuple of its items.
    if case .standard(let object) = left, let items = object.tupleItems {
      return equal(.tuple(items), right, depth: depth, exceeded: &exceeded)
    }
    if case .standard(let object) = right, let items = object.tupleItems {
      return equal(left, .tuple(items), depth: depth, exceeded: &exceeded)
    }
    // `np.str_` is a `str` (`TextVectorization.get_vocabulary()`).
    if case .standard(let text as NumPyString) = left {
      return equal(.string(text.text), right, depth: depth, exceeded: &exceeded)
    }
    if case .standard(let text as NumPyString) = right {
      return equal(left, .string(text.text), depth: depth, exceeded: &exceeded)
    }
    // TensorShape's `==` compares its dimensions with any shape-like value (tuple, list, shape).
    if case .tensorShape(let dimensions) = left {
      return equal(
        .tuple(TensorShapeValue.items(dimensions)), right.tensorShapeAsTuple, depth: depth,
        exceeded: &exceeded)
    }
    if case .tensorShape = right { return equal(right, left, depth: depth, exceeded: &exceeded) }
    if let dtype = TensorFlowDType.name(of: left) {
      return TensorFlowDType.requestedName(right) == dtype
    }
    if TensorFlowDType.name(of: right) != nil {
      return equal(right, left, depth: depth, exceeded: &exceeded)
    }
    // A keys or items view equals a set (or another such view) of the same items.
    func setLikeItems(_ value: Value) -> [Value]? {
      switch value {
      case .list(let list) where list.dictionaryView != nil && list.dictionaryView != .values:
        return list.items
      case .set(let set): return set.items
      default: return nil
      }
    }
    if case .list(let list) = left, list.dictionaryView == .values {
      if case .list(let other) = right { return list === other }
      return false
    }
    let isView = { (value: Value) -> Bool in
      if case .list(let list) = value { return list.dictionaryView != nil }
      return false
    }
    if isView(left) || isView(right) {
      guard let a = setLikeItems(left), let b = setLikeItems(right) else { return false }
      return a.count == b.count
        && a.allSatisfy { item in
          b.contains { equal(item, $0, depth: depth + 1, exceeded: &exceeded) }
        }
    }
    switch (left, right) {
    case (.none, .none): return true
    case (.string(let a), .string(let b)): return PythonCodePoints.equal(a, b)
    case (.list(let a), .list(let b)) where a === b: return true
    case (.set(let a), .set(let b)): return a === b || SetOperations.equal(a, b)
    case (.dictionary(let a), .dictionary(let b)):
      if a === b { return true }
      return a.count == b.count
        && a.pairs.allSatisfy { pair in
          b.value(for: pair.0).map { equal(pair.1, $0, depth: depth + 1, exceeded: &exceeded) }
            ?? false
        }
    case (.tuple, .tuple), (.list, .list):
      let (a, b) = (left.sequenceItems!, right.sequenceItems!)
      return a.count == b.count
        && zip(a, b).allSatisfy { equal($0, $1, depth: depth + 1, exceeded: &exceeded) }
    case (.layer(let a), .layer(let b)): return a === b
    case (.function(let a), .function(let b)):
      return a.kind == b.kind && a.kerasVersion == b.kerasVersion
    case (.model(let a), .model(let b)): return a === b
    case (.method(.instance(let a), let x), .method(.instance(let b), let y)):
      // Bound methods of one instance and one function (`model.loss == self.wasserstein_loss`).
      return a === b && x == y
    case (.kerasTensor(let a), .kerasTensor(let b)): return a === b
    case (.slice(let a, let b, let c), .slice(let x, let y, let z)):
      return a == x && b == y && c == z
    // Keras' regularizers, constraints, initializers and optimizers compare by identity.
    case (.kerasObject(let a), .kerasObject(let b)): return a.identity === b.identity
    // One weight of one layer is one variable (`layer.w is layer.weights[0]`; a list of them
    // compares its items by identity first, as CPython's list comparison does).
    case (.variable(let a), .variable(let b)): return a == b
    case (.module(let a), .module(let b)): return a == b
    case (.standard(let a as PythonObjectID), .standard(let b as PythonObjectID)):
      return identical(a.object, b.object)
    case (.standard(let a as Namespace), .standard(let b as Namespace)):
      // Namespaces are equal when their attributes are (argparse's and `types.SimpleNamespace`).
      return a === b
        || (a.isSimple == b.isSimple
          && equal(
            .dictionary(a.dictionary), .dictionary(b.dictionary), depth: depth + 1,
            exceeded: &exceeded))
    case (.standard(let a), .standard(let b)):
      if a !== b, a.typeName == b.typeName, let x = a.comparisonKey, let y = b.comparisonKey {
        return equal(x, y, depth: depth + 1, exceeded: &exceeded)
      }
      return a === b
    case (.standard(let a), _):
      guard let x = a.comparisonKey, let y = a.comparisonKey(coercing: right) else { return false }
      return equal(x, y, depth: depth + 1, exceeded: &exceeded)
    case (_, .standard(let b)):
      guard let x = b.comparisonKey(coercing: left), let y = b.comparisonKey else { return false }
      return equal(x, y, depth: depth + 1, exceeded: &exceeded)
    case (.instance(let a), .instance(let b)): return a === b
    default: return false
    }
  }

  static func compare(
    _ operation: ComparisonOperator, _ left: Value, _ right: Value, range: SourceRange
  )
    throws(CellError) -> Bool
  {
    switch operation {
    case .equal: return try equalOperator(left, right, range: range)
    case .notEqual: return !(try equalOperator(left, right, range: range))
    case .identical, .notIdentical:
      if case .array = left, case .array = right {
        // Arrays are values here: which names share one NumPy array object is not kept.
        throw .unsupported(
          "ConvBook does not support `is` between two NumPy arrays yet", at: range)
      }
      let same = identical(left, right)
      return operation == .identical ? same : !same
    case .memberOf, .notMemberOf:
      let found: Bool
      switch right {
      case .list, .tuple: found = right.sequenceItems!.contains { equal($0, left) }
      case .dictionary(let pairs): found = pairs.contains { equal($0.0, left) }
      case .set(let set): found = try SetOperations.contains(set, left, range: range)
      case .string(let text):
        guard let part = NumPyStringArray.text(left) else {
          throw typeError(
            "'in <string>' requires string as left operand, not \(left.typeName)", range)
        }
        found = PythonCodePoints.contains(text, part)
      case .model(let model):
        guard case .layer(let layer) = left else {
          found = false
          break
        }
        found = model.layers.contains { $0 === layer }
      case .standard(let object) where try object.containsItem(left, range: range) != nil:
        found = try object.containsItem(left, range: range) ?? false
      default:
        throw typeError("argument of type '\(right.typeName)' is not iterable", range)
      }
      return operation == .memberOf ? found : !found
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      if case .set(let a) = left, case .set(let b) = right {
        return SetOperations.compare(operation, a, b)
      }
      let order = try ordering(left, right, operation: operation, range: range)
      if order == 2 { return false }
      switch operation {
      case .less: return order < 0
      case .lessOrEqual: return order <= 0
      case .greater: return order > 0
      default: return order >= 0
      }
    }
  }

  /// -1, 0 or 1, for values Python can order. Containers nested deeper than
  /// `PythonText.maximumNesting` raise CPython's RecursionError: the order of nested lists
  /// recursed once per level, and 100,000 levels overflowed the stack.
  private static func ordering(
    _ left: Value, _ right: Value, operation: ComparisonOperator, range: SourceRange,
    depth: Int = 0
  )
    throws(CellError) -> Int
  {
    if depth > PythonText.maximumNesting {
      throw CellError(
        type: "RecursionError", message: "maximum recursion depth exceeded in comparison",
        range: range)
    }
    // `np.str_` orders as the `str` it is.
    if case .standard(let text as NumPyString) = left {
      return try ordering(
        .string(text.text), right, operation: operation, range: range, depth: depth)
    }
    if case .standard(let text as NumPyString) = right {
      return try ordering(
        left, .string(text.text), operation: operation, range: range, depth: depth)
    }
    if let a = Number(left), let b = Number(right) {
      // NaN compares false both ways; an order of 2 makes <, <=, >, >= all false.
      return numberOrder(a, b) ?? 2
    }
    switch (left, right) {
    case (.string(let a), .string(let b)): return PythonCodePoints.order(a, b)
    // NumPy orders dtypes by whether one casts safely to the other.
    case (.standard(is NumPyDType), _), (_, .standard(is NumPyDType)):
      throw .unsupported(
        "ConvBook does not order NumPy dtypes (`\(operation.symbol)`) yet", at: range)
    case (.standard(let a), .standard(let b))
    where a.typeName == b.typeName && a.comparisonKey != nil && b.comparisonKey != nil:
      return try ordering(
        a.comparisonKey!, b.comparisonKey!, operation: a.comparesWithLess ? .less : operation,
        range: range, depth: depth + 1)
    // distutils' `LooseVersion` orders a str as a version of it; reflected, the version's own
    // method compares its key first.
    case (.standard(let a), _)
    where a.comparisonKey != nil && a.comparisonKey(coercing: right) != nil:
      return try ordering(
        a.comparisonKey!, a.comparisonKey(coercing: right)!,
        operation: a.comparesWithLess ? .less : operation, range: range, depth: depth + 1)
    case (_, .standard(let b))
    where b.comparisonKey != nil && b.comparisonKey(coercing: left) != nil:
      let order = try ordering(
        b.comparisonKey!, b.comparisonKey(coercing: left)!,
        operation: b.comparesWithLess ? .less : operation, range: range, depth: depth + 1)
      return order == 2 ? 2 : -order
    // A namedtuple orders as the tuple of its items.
    case (.standard(let object), _) where object.tupleItems != nil,
      (_, .standard(let object)) where object.tupleItems != nil:
      return try ordering(
        left.sequenceItems.map(Value.tuple) ?? left, right.sequenceItems.map(Value.tuple) ?? right,
        operation: operation, range: range)
    case (.tuple, .tuple), (.list, .list):
      let (a, b) = (left.sequenceItems!, right.sequenceItems!)
      for (x, y) in zip(a, b) where !equal(x, y) {
        return try ordering(x, y, operation: operation, range: range, depth: depth + 1)
      }
      return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
    default:
      throw typeError(
        "'\(operation.symbol)' not supported between instances of '\(left.typeName)' and '\(right.typeName)'",
        range)
    }
  }

  /// `left is right`: objects by identity, values that CPython keeps once (`None`, `True`) by value.
  static func identical(_ left: Value, _ right: Value) -> Bool {
    switch (left, right) {
    case (.none, .none): return true
    case (.bool(let a), .bool(let b)): return a == b
    // Lists and dicts are objects: equal contents are not the same object.
    case (.list(let a), .list(let b)): return a === b
    case (.dictionary(let a), .dictionary(let b)): return a === b
    case (.set(let a), .set(let b)): return a === b
    case (.set, _), (_, .set): return false
    // A caught exception is the one raised: the same error, reached twice.
    case (.exception(let a), .exception(let b)):
      return a.raised?.identity != nil && a.raised?.identity == b.raised?.identity
    case (.list, _), (_, .list), (.dictionary, _), (_, .dictionary): return false
    // NumPy keeps one object of each numeric dtype; a dtype is no scalar type (`np.float32`).
    case (.standard(let a as NumPyDType), .standard(let b as NumPyDType)):
      return a === b || (a.numeric != nil && a.numeric == b.numeric)
    case (.standard(is NumPyDType), _), (_, .standard(is NumPyDType)): return false
    // Objects that compare by a key (versions, Keras 3's dtype policies) are equal, not the same.
    case (.standard(let a), .standard(let b)) where a.comparisonKey != nil: return a === b
    default: return equal(left, right) && !(Number(left) != nil && Number(right) == nil)
    }
  }

  static func resolveIndex(_ index: Int, count: Int) -> Int? {
    let resolved = index < 0 ? index + count : index
    return (0..<count).contains(resolved) ? resolved : nil
  }

  static func subscriptValue(_ base: Value, _ index: Value, range: SourceRange) throws(CellError)
    -> Value
  {
    switch (base, index) {
    case (.list(let items), _) where items.dictionaryView != nil:
      throw typeError("'\(base.typeName)' object is not subscriptable", range)
    case (.standard(let object), _) where object.tupleItems != nil:
      return try subscriptValue(.tuple(object.tupleItems ?? []), index, range: range)
    case (.tensorShape(let dimensions), .slice):
      // A slice of a TensorShape is a TensorShape; an index is the dimension (int or None).
      guard
        case .tuple(let items) = try subscriptValue(
          .tuple(TensorShapeValue.items(dimensions)), index, range: range)
      else { return base }
      return .tensorShape(items.map { if case .int(let size) = $0 { size } else { nil } })
    case (.tensorShape(let dimensions), _):
      return try subscriptValue(.tuple(TensorShapeValue.items(dimensions)), index, range: range)
    case (.list, .int(let position)), (.tuple, .int(let position)):
      let items = base.sequenceItems!
      guard let resolved = resolveIndex(position, count: items.count) else {
        throw CellError(
          type: "IndexError", message: "\(base.typeName) index out of range", range: range)
      }
      return items[resolved]
    case (.string(let text), .int(let position)):
      let characters = PythonCodePoints.items(text)
      guard let resolved = resolveIndex(position, count: characters.count) else {
        throw CellError(type: "IndexError", message: "string index out of range", range: range)
      }
      return .string(characters[resolved])
    case (.list(let items), .slice) where items.deque != nil:
      throw typeError("sequence index must be integer, not 'slice'", range)
    case (.list(let items), .slice(let start, let stop, let step)):
      return .list(try slice(items.items, start, stop, step, range: range))
    case (.tuple(let items), .slice(let start, let stop, let step)):
      return .tuple(try slice(items, start, stop, step, range: range))
    case (.string(let text), .slice(let start, let stop, let step)):
      let characters = try slice(
        PythonCodePoints.items(text).map(Value.string), start, stop, step, range: range)
      return .string(characters.map { PythonText.str($0) }.joined())
    case (.range(let start, let stop, let step), .int(let position)):
      let count = Value.rangeCount(start, stop, step)
      if count == .max {
        // The count may be clamped there (`range(2**63 - 1, -2**63, -1)` has 2**64 - 1 items).
        throw .unsupported(
          "ConvBook does not support indexing a range of 2**63 - 1 items or more", at: range)
      }
      guard let resolved = resolveIndex(position, count: count) else {
        throw CellError(
          type: "IndexError", message: "range object index out of range", range: range)
      }
      // The item lies between start and stop, so it fits an Int although `resolved * step` may
      // not: the offset is computed in UInt (at most the distance) and added modulo 2^64.
      let offset = UInt(resolved) * step.magnitude
      let item =
        step > 0
        ? UInt(bitPattern: start) &+ offset : UInt(bitPattern: start) &- offset
      return .int(Int(bitPattern: item))
    case (.range, .bool(let flag)):
      return try subscriptValue(base, .int(flag ? 1 : 0), range: range)
    case (.range, .slice):
      throw .unsupported("ConvBook does not support slicing a `range` yet", at: range)
    case (.range, .bigInt):
      throw CellError(type: "IndexError", message: "range object index out of range", range: range)
    case (.list, .bigInt), (.tuple, .bigInt), (.string, .bigInt):
      throw CellError(
        type: "IndexError", message: "cannot fit 'int' into an index-sized integer", range: range)
    case (.list, .bool(let flag)), (.tuple, .bool(let flag)):
      return try subscriptValue(base, .int(flag ? 1 : 0), range: range)
    case (.dictionary(let pairs), _):
      guard let found = pairs.first(where: { equal($0.0, index) }) else {
        throw CellError.keyError(index, range: range)
      }
      return found.1
    case (.list, _), (.tuple, _), (.range, _):
      throw typeError(
        "\(base.typeName) indices must be integers or slices, not \(index.typeName)", range)
    default:
      if let refusal = WeightValues.variableOperandRefusal([base], "indexing", range: range) {
        throw refusal
      }
      throw typeError("'\(base.typeName)' object is not subscriptable", range)
    }
  }

  /// The positions `items[start:stop]` covers (step 1), clamped to the list as Python clamps them.
  static func sliceBounds(_ start: Int?, _ stop: Int?, count: Int) -> Range<Int> {
    func clamp(_ value: Int?, _ defaultValue: Int) -> Int {
      guard var value else { return defaultValue }
      if value < 0 { value += count }
      return min(max(value, 0), count)
    }
    let lower = clamp(start, 0)
    return lower..<max(lower, clamp(stop, count))
  }

  static func slice(_ items: [Value], _ start: Int?, _ stop: Int?, _ step: Int?, range: SourceRange)
    throws(CellError) -> [Value]
  {
    try slicePositions(start, stop, step, count: items.count, range: range).map { items[$0] }
  }

  /// The positions `items[start:stop:step]` selects, in the order the slice walks them (Python's
  /// `slice.indices` clamping); a zero step is Python's ValueError.
  static func slicePositions(
    _ start: Int?, _ stop: Int?, _ step: Int?, count: Int, range: SourceRange
  ) throws(CellError) -> [Int] {
    let step = step ?? 1
    guard step != 0 else {
      throw CellError(type: "ValueError", message: "slice step cannot be zero", range: range)
    }
    func clamp(_ value: Int?, _ defaultValue: Int) -> Int {
      guard var value else { return defaultValue }
      if value < 0 { value += count }
      return step > 0 ? min(max(value, 0), count) : min(max(value, -1), count - 1)
    }
    var positions: [Int] = []
    var index = clamp(start, step > 0 ? 0 : count - 1)
    let end = clamp(stop, step > 0 ? count : -1)
    while step > 0 ? index < end : index > end {
      positions.append(index)
      let (next, overflow) = index.addingReportingOverflow(step)
      if overflow { break }
      index = next
    }
    return positions
  }
}
