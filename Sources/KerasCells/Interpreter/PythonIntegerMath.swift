import BigInt

/// `math`'s functions of integers (`gcd`, `lcm`, `factorial`, `comb`, `perm`, `isqrt`), exact on
/// Python's unbounded integers with CPython 3.11's messages. A result wider than
/// `PythonInteger.maximumBits` stops the evaluation with ConvBook's own message, as any integer
/// operation does.
enum PythonIntegerMath {
  static let names: Set<String> = ["gcd", "lcm", "factorial", "comb", "perm", "isqrt"]
  static let maximumSteps = 1 << 16

  /// The value of `math.name(positional...)`, or nil when `name` is not one of `names`.
  static func call(_ name: String, _ positional: [Value], range: SourceRange) throws(CellError)
    -> Value?
  {
    guard names.contains(name) else { return nil }
    func integer(_ value: Value) throws(CellError) -> BigInt {
      switch value {
      case .int(let number): return BigInt(number)
      case .bigInt(let number): return number
      case .bool(let flag): return flag ? 1 : 0
      default:
        throw CellError(
          type: "TypeError",
          message: "'\(value.typeName)' object cannot be interpreted as an integer", range: range)
      }
    }
    func checked(_ number: BigInt) throws(CellError) -> Value {
      if number.magnitude.bitWidth > PythonInteger.maximumBits {
        throw EvaluationBudget.integerTooLarge(at: range)
      }
      return PythonInteger.value(number)
    }
    func arguments(_ count: ClosedRange<Int>) throws(CellError) {
      guard !count.contains(positional.count) else { return }
      let message: String
      if count.lowerBound == count.upperBound, count.lowerBound == 1 {
        message = "math.\(name)() takes exactly one argument (\(positional.count) given)"
      } else if positional.count < count.lowerBound {
        message = "\(name) expected \(count.lowerBound) arguments, got \(positional.count)"
      } else {
        message = "\(name) expected at most \(count.upperBound) arguments, got \(positional.count)"
      }
      throw CellError(type: "TypeError", message: message, range: range)
    }
    /// ConvBook multiplies at most `maximumSteps` factors (CPython's divide-and-conquer goes
    /// further, in seconds), which keeps every call short.
    func steps(_ count: BigInt) throws(CellError) {
      guard count > BigInt(maximumSteps) else { return }
      throw .unsupported(
        "ConvBook stopped this cell: math.\(name) of these arguments multiplies more than \(maximumSteps) factors, ConvBook's limit",
        at: range)
    }
    /// `start * (start + 1) * ... * stop`, refused before it grows past the integer limit.
    func product(from start: BigInt, through stop: BigInt) throws(CellError) -> BigInt {
      try steps(stop - start + 1)
      var result: BigInt = 1
      var factor = start
      while factor <= stop {
        result *= factor
        if result.magnitude.bitWidth > PythonInteger.maximumBits {
          throw EvaluationBudget.integerTooLarge(at: range)
        }
        factor += 1
      }
      return result
    }
    switch name {
    case "gcd", "lcm":
      var result: BigInt = name == "gcd" ? 0 : 1
      for value in positional {
        let number = try integer(value).magnitude
        if name == "gcd" {
          result = BigInt(result.magnitude.greatestCommonDivisor(with: number))
        } else if result.isZero || number.isZero {
          result = 0
        } else {
          let divisor = result.magnitude.greatestCommonDivisor(with: number)
          result = BigInt(result.magnitude / divisor * number)
          if result.magnitude.bitWidth > PythonInteger.maximumBits {
            throw EvaluationBudget.integerTooLarge(at: range)
          }
        }
      }
      return try checked(result)
    case "factorial", "isqrt":
      try arguments(1...1)
      let n = try integer(positional[0])
      guard n.signum() >= 0 else {
        throw CellError(
          type: "ValueError",
          message: name == "factorial"
            ? "factorial() not defined for negative values"
            : "isqrt() argument must be nonnegative",
          range: range)
      }
      if name == "isqrt" { return PythonInteger.value(n.squareRoot()) }
      return try checked(try product(from: 1, through: n))
    default:  // comb, perm: both arguments are integers before either sign is checked
      try arguments(name == "comb" ? 2...2 : 1...2)
      let n = try integer(positional[0])
      let k =
        name == "perm" && (positional.count == 1 || positional[1].isNone)
        ? nil : try integer(positional[1])
      guard n.signum() >= 0 else {
        throw CellError(
          type: "ValueError", message: "n must be a non-negative integer", range: range)
      }
      // `perm(n)` is `n!`.
      guard let k else { return try checked(try product(from: 1, through: n)) }
      guard k.signum() >= 0 else {
        throw CellError(
          type: "ValueError", message: "k must be a non-negative integer", range: range)
      }
      if k > n { return .int(0) }
      if name == "perm" { return try checked(try product(from: n - k + 1, through: n)) }
      // comb: n! / (k! (n-k)!), the smaller k by symmetry, one exact division per step.
      let j = min(k, n - k)
      try steps(j)
      var result: BigInt = 1
      var step: BigInt = 1
      while step <= j {
        result = result * (n - j + step) / step
        if result.magnitude.bitWidth > PythonInteger.maximumBits {
          throw EvaluationBudget.integerTooLarge(at: range)
        }
        step += 1
      }
      return try checked(result)
    }
  }
}
