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
    case (.negate, .int(let value)): return .int(-value)
    case (.negate, .float(let value)): return .float(-value)
    case (.negate, .bool(let value)): return .int(value ? -1 : 0)
    case (.plus, .int), (.plus, .float): return operand
    case (.invert, .int(let value)): return .int(~value)
    default:
      throw typeError(
        "bad operand type for unary \(operation.symbol): '\(operand.typeName)'", range)
    }
  }

  /// Python's numeric tower for the two numeric types the cell language has.
  private enum Number {
    case int(Int)
    case float(Double)

    init?(_ value: Value) {
      switch value {
      case .int(let number): self = .int(number)
      case .float(let number): self = .float(number)
      case .bool(let flag): self = .int(flag ? 1 : 0)
      default: return nil
      }
    }

    var double: Double {
      switch self {
      case .int(let number): return Double(number)
      case .float(let number): return number
      }
    }
  }

  static func binary(_ operation: BinaryOperator, _ left: Value, _ right: Value, range: SourceRange)
    throws(CellError) -> Value
  {
    if let a = Number(left), let b = Number(right) {
      return try arithmetic(operation, a, b, range: range)
    }
    switch (operation, left, right) {
    case (.add, .string(let a), .string(let b)): return .string(a + b)
    case (.add, .tuple(let a), .tuple(let b)): return .tuple(a + b)
    case (.add, .list(let a), .list(let b)): return .list(a + b)
    case (.multiply, .string(let text), .int(let count)),
      (.multiply, .int(let count), .string(let text)):
      return .string(String(repeating: text, count: max(count, 0)))
    case (.multiply, .list(let items), .int(let count)),
      (.multiply, .int(let count), .list(let items)):
      return .list(Array(repeatElement(items, count: max(count, 0)).joined()))
    case (.multiply, .tuple(let items), .int(let count)),
      (.multiply, .int(let count), .tuple(let items)):
      return .tuple(Array(repeatElement(items, count: max(count, 0)).joined()))
    case (.modulo, .string, _):
      throw CellError(
        type: nil,
        message: "`%` string formatting is not supported in ConvBook cells; use an f-string",
        range: range)
    default:
      throw typeError(
        "unsupported operand type(s) for \(operation.symbol): '\(left.typeName)' and '\(right.typeName)'",
        range)
    }
  }

  private static func arithmetic(
    _ operation: BinaryOperator, _ a: Number, _ b: Number, range: SourceRange
  )
    throws(CellError) -> Value
  {
    if case .int(let x) = a, case .int(let y) = b {
      switch operation {
      case .add: return overflowChecked(x.addingReportingOverflow(y), range)
      case .subtract: return overflowChecked(x.subtractingReportingOverflow(y), range)
      case .multiply: return overflowChecked(x.multipliedReportingOverflow(by: y), range)
      case .floorDivide:
        guard y != 0 else { throw zeroDivision("integer division or modulo by zero", range) }
        return .int(floorDivide(x, y))
      case .modulo:
        guard y != 0 else { throw zeroDivision("integer division or modulo by zero", range) }
        return .int(x - floorDivide(x, y) * y)
      case .power:
        if y >= 0 {
          var result = 1
          for _ in 0..<min(y, 64) {
            let (product, overflow) = result.multipliedReportingOverflow(by: x)
            if overflow { return .float(pow(Double(x), Double(y))) }
            result = product
          }
          if y > 64 && x.magnitude > 1 { return .float(pow(Double(x), Double(y))) }
          return .int(result)
        }
        return .float(pow(Double(x), Double(y)))
      case .bitwiseAnd: return .int(x & y)
      case .bitwiseOr: return .int(x | y)
      case .bitwiseXor: return .int(x ^ y)
      case .leftShift: return .int(x << y)
      case .rightShift: return .int(x >> y)
      case .divide: break
      case .matrixMultiply:
        throw typeError("unsupported operand type(s) for @: 'int' and 'int'", range)
      }
    }
    let x = a.double
    let y = b.double
    switch operation {
    case .add: return .float(x + y)
    case .subtract: return .float(x - y)
    case .multiply: return .float(x * y)
    case .divide:
      guard y != 0 else { throw zeroDivision("division by zero", range) }
      return .float(x / y)
    case .floorDivide:
      guard y != 0 else { throw zeroDivision("float floor division by zero", range) }
      return .float((x / y).rounded(.down))
    case .modulo:
      guard y != 0 else { throw zeroDivision("float modulo", range) }
      return .float(x - (x / y).rounded(.down) * y)
    case .power: return .float(pow(x, y))
    default:
      throw typeError(
        "unsupported operand type(s) for \(operation.symbol): 'float' and 'float'", range)
    }
  }

  private static func pow(_ base: Double, _ exponent: Double) -> Double {
    if exponent == exponent.rounded(), abs(exponent) < 1024 {
      var result = 1.0
      for _ in 0..<Int(abs(exponent)) { result *= base }
      return exponent < 0 ? 1 / result : result
    }
    return exp(exponent * log(base))
  }

  private static func overflowChecked(
    _ result: (partialValue: Int, overflow: Bool), _ range: SourceRange
  ) -> Value {
    result.overflow ? .float(Double(result.partialValue)) : .int(result.partialValue)
  }

  private static func zeroDivision(_ message: String, _ range: SourceRange) -> CellError {
    CellError(type: "ZeroDivisionError", message: message, range: range)
  }

  static func floorDivide(_ a: Int, _ b: Int) -> Int {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
  }

  static func equal(_ left: Value, _ right: Value) -> Bool {
    if let a = Number(left), let b = Number(right) {
      if case .int(let x) = a, case .int(let y) = b { return x == y }
      return a.double == b.double
    }
    switch (left, right) {
    case (.none, .none): return true
    case (.string(let a), .string(let b)): return a == b
    case (.tuple(let a), .tuple(let b)), (.list(let a), .list(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
    case (.layer(let a), .layer(let b)): return a === b
    case (.model(let a), .model(let b)): return a === b
    case (.kerasTensor(let a), .kerasTensor(let b)): return a === b
    case (.module(let a), .module(let b)): return a == b
    default: return false
    }
  }

  static func compare(
    _ operation: ComparisonOperator, _ left: Value, _ right: Value, range: SourceRange
  )
    throws(CellError) -> Bool
  {
    switch operation {
    case .equal: return equal(left, right)
    case .notEqual: return !equal(left, right)
    case .identical, .notIdentical:
      let same: Bool
      switch (left, right) {
      case (.none, .none): same = true
      case (.bool(let a), .bool(let b)): same = a == b
      default: same = equal(left, right) && !(Number(left) != nil && Number(right) == nil)
      }
      return operation == .identical ? same : !same
    case .memberOf, .notMemberOf:
      let found: Bool
      switch right {
      case .list(let items), .tuple(let items): found = items.contains { equal($0, left) }
      case .dictionary(let pairs): found = pairs.contains { equal($0.0, left) }
      case .string(let text):
        guard case .string(let part) = left else {
          throw typeError(
            "'in <string>' requires string as left operand, not \(left.typeName)", range)
        }
        found = text.contains(part)
      case .model(let model):
        guard case .layer(let layer) = left else {
          found = false
          break
        }
        found = model.layers.contains { $0 === layer }
      default:
        throw typeError("argument of type '\(right.typeName)' is not iterable", range)
      }
      return operation == .memberOf ? found : !found
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      let order = try ordering(left, right, operation: operation, range: range)
      switch operation {
      case .less: return order < 0
      case .lessOrEqual: return order <= 0
      case .greater: return order > 0
      default: return order >= 0
      }
    }
  }

  /// -1, 0 or 1, for values Python can order.
  private static func ordering(
    _ left: Value, _ right: Value, operation: ComparisonOperator, range: SourceRange
  )
    throws(CellError) -> Int
  {
    if let a = Number(left), let b = Number(right) {
      if case .int(let x) = a, case .int(let y) = b { return x < y ? -1 : (x == y ? 0 : 1) }
      return a.double < b.double ? -1 : (a.double == b.double ? 0 : 1)
    }
    switch (left, right) {
    case (.string(let a), .string(let b)): return a < b ? -1 : (a == b ? 0 : 1)
    case (.tuple(let a), .tuple(let b)), (.list(let a), .list(let b)):
      for (x, y) in zip(a, b) where !equal(x, y) {
        return try ordering(x, y, operation: operation, range: range)
      }
      return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
    default:
      throw typeError(
        "'\(operation.symbol)' not supported between instances of '\(left.typeName)' and '\(right.typeName)'",
        range)
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
    case (.list(let items), .int(let position)), (.tuple(let items), .int(let position)):
      guard let resolved = resolveIndex(position, count: items.count) else {
        throw CellError(
          type: "IndexError", message: "\(base.typeName) index out of range", range: range)
      }
      return items[resolved]
    case (.string(let text), .int(let position)):
      let characters = Array(text)
      guard let resolved = resolveIndex(position, count: characters.count) else {
        throw CellError(type: "IndexError", message: "string index out of range", range: range)
      }
      return .string(String(characters[resolved]))
    case (.list(let items), .slice(let start, let stop, let step)):
      return .list(try slice(items, start, stop, step, range: range))
    case (.tuple(let items), .slice(let start, let stop, let step)):
      return .tuple(try slice(items, start, stop, step, range: range))
    case (.string(let text), .slice(let start, let stop, let step)):
      let characters = try slice(
        text.map { Value.string(String($0)) }, start, stop, step, range: range)
      return .string(characters.map { PythonText.str($0) }.joined())
    case (.dictionary(let pairs), _):
      guard let found = pairs.first(where: { equal($0.0, index) }) else {
        throw CellError(type: "KeyError", message: PythonText.repr(index), range: range)
      }
      return found.1
    case (.list, _), (.tuple, _):
      throw typeError(
        "\(base.typeName) indices must be integers or slices, not \(index.typeName)", range)
    default:
      throw typeError("'\(base.typeName)' object is not subscriptable", range)
    }
  }

  static func slice(_ items: [Value], _ start: Int?, _ stop: Int?, _ step: Int?, range: SourceRange)
    throws(CellError) -> [Value]
  {
    let step = step ?? 1
    guard step != 0 else {
      throw CellError(type: "ValueError", message: "slice step cannot be zero", range: range)
    }
    let count = items.count
    func clamp(_ value: Int?, _ defaultValue: Int) -> Int {
      guard var value else { return defaultValue }
      if value < 0 { value += count }
      return step > 0 ? min(max(value, 0), count) : min(max(value, -1), count - 1)
    }
    var result: [Value] = []
    if step > 0 {
      var index = clamp(start, 0)
      let end = clamp(stop, count)
      while index < end {
        result.append(items[index])
        index += step
      }
    } else {
      var index = clamp(start, count - 1)
      let end = clamp(stop, -1)
      while index > end {
        result.append(items[index])
        index += step
      }
    }
    return result
  }
}
