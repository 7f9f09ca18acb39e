import BigInt
import Foundation

/// Python's `int` beyond 64 bits. The cell language keeps every integer that fits in `Int` as
/// `Value.int` and only the others as `Value.bigInt`, so code that reads sizes (`Dense(units)`) sees
/// either an exact `Int` or a value it must refuse; a big integer never reaches Keras as a wrapped
/// number.
///
/// Two limits keep big integers cheap and every operation short:
/// - like CPython 3.11, converting an integer of more than 4300 decimal digits to text (or text to
///   an integer) is a `ValueError`;
/// - an integer may hold at most ``maximumBits`` bits (about 315,000 decimal digits); an operation
///   whose result would be larger stops the evaluation with ConvBook's own message. CPython has no
///   such limit, but no model code comes near it, and it bounds the time of every single operation
///   (the interpreter can only check its time budget between operations).
public enum PythonInteger {
  /// CPython 3.11's `sys.get_int_max_str_digits()` default.
  public static let maximumStringDigits = 4300
  /// The largest integer ConvBook computes, in bits.
  public static let maximumBits = 1 << 20

  /// The cell value of an integer: `.int` when it fits in 64 bits, else `.bigInt`.
  public static func value(_ number: BigInt) -> Value {
    if let small = Int(exactly: number) { return .int(small) }
    return .bigInt(number)
  }

  /// Python's `str(int)`, or nil when the number has more digits than CPython converts.
  public static func decimal(_ number: BigInt) -> String? {
    // 4300 digits need at most 14,285 bits; anything wider certainly has too many digits.
    guard number.magnitude.bitWidth <= 14_300 else { return nil }
    let text = String(number)
    let digits = number.sign == .minus ? text.count - 1 : text.count
    return digits > maximumStringDigits ? nil : text
  }

  static let stringLimitMessage =
    "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"

  static func parseLimitMessage(digits: Int) -> String {
    "Exceeds the limit (4300 digits) for integer string conversion: value has \(digits) digits; use sys.set_int_max_str_digits() to increase the limit"
  }

  /// The nearest double, rounding half to even as CPython does; nil when it overflows.
  public static func double(_ number: BigInt) -> Double? {
    if let small = Int(exactly: number) { return Double(small) }
    let magnitude = number.magnitude
    let width = magnitude.bitWidth
    // Keep 55 significant bits and fold everything below into a sticky bit: two guard bits
    // beyond the 53 of a double make the final conversion round exactly once, correctly.
    let shift = width - 55
    var top = magnitude >> shift
    if magnitude.trailingZeroBitCount < shift { top |= 1 }
    let result = scalbn(Double(UInt64(top)), shift)
    guard result.isFinite else { return nil }
    return number.sign == .minus ? -result : result
  }

  /// `a / b` for integers, correctly rounded as CPython's `long_true_divide`; nil when the quotient
  /// overflows a double. `b` must not be zero.
  static func trueDivide(_ a: BigInt, _ b: BigInt) -> Double? {
    let limit = BigUInt(1) << 53
    let negative = (a.sign == .minus) != (b.sign == .minus)
    if a.magnitude <= limit && b.magnitude <= limit {
      return Double(a) / Double(b)
    }
    var numerator = a.magnitude
    var denominator = b.magnitude
    if numerator.isZero { return negative ? -0.0 : 0.0 }
    let shift = 55 - (numerator.bitWidth - denominator.bitWidth)
    if shift > 0 { numerator <<= shift } else if shift < 0 { denominator <<= -shift }
    var (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
    if !remainder.isZero { quotient |= 1 }
    let result = scalbn(Double(UInt64(quotient)), -shift)
    guard result.isFinite else { return nil }
    return negative ? -result : result
  }

  /// Python's `//` and `%` on integers: the quotient rounds toward negative infinity and the
  /// remainder takes the divisor's sign. `b` must not be zero.
  static func floorDivMod(_ a: BigInt, _ b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
    var (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
    if !remainder.isZero && (remainder.sign == .minus) != (b.sign == .minus) {
      quotient -= 1
      remainder += b
    }
    return (quotient, remainder)
  }

  /// An exact `Int` view of a 64-bit integer's `//` and `%`, or nil for `Int.min // -1`.
  static func floorDivMod(_ a: Int, _ b: Int) -> (quotient: Int, remainder: Int)? {
    let (quotient, overflow) = a.dividedReportingOverflow(by: b)
    if overflow { return nil }
    let remainder = a - quotient * b
    if remainder != 0 && (remainder < 0) != (b < 0) { return (quotient - 1, remainder + b) }
    return (quotient, remainder)
  }
}

extension PythonInteger {
  /// CPython's argument clinic conversion to `Py_ssize_t` (a width, an index, a count): an int,
  /// a bool as 0 or 1, an int beyond 64 bits its OverflowError, anything else its TypeError.
  static func sizeArgument(_ value: Value, range: SourceRange) throws(CellError) -> Int {
    switch value {
    case .int(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case .bigInt:
      throw CellError(
        type: "OverflowError", message: "Python int too large to convert to C ssize_t",
        range: range)
    default:
      throw CellError(
        type: "TypeError",
        message: "'\(value.typeName)' object cannot be interpreted as an integer", range: range)
    }
  }
}
