import BigInt
import CNNEngine
import Foundation

/// Built-ins that real scripts use beside their model code: `chr`, `ord`, `divmod`, `pow`,
/// `callable`, `hex`, `bin`, `oct`, `id`, with CPython 3.11's results and messages.
enum MoreBuiltins {
  static func call(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    func typeError(_ message: String) -> CellError {
      CellError(type: "TypeError", message: message, range: range)
    }
    let counts: [String: ClosedRange<Int>] = ["divmod": 2...2, "pow": 2...3]
    let allowed = counts[name] ?? 1...1
    if let (label, _) = keywords.first, name != "pow" {
      throw typeError("\(name)() takes no keyword arguments (got '\(label)')")
    }
    guard allowed.contains(positional.count) else {
      if allowed.lowerBound == allowed.upperBound {
        throw typeError(
          allowed.lowerBound == 1
            ? "\(name)() takes exactly one argument (\(positional.count) given)"
            : "\(name) expected \(allowed.lowerBound) arguments, got \(positional.count)")
      }
      throw typeError(
        "\(name)() takes from \(allowed.lowerBound) to \(allowed.upperBound) positional arguments but \(positional.count) were given"
      )
    }
    switch name {
    case "chr":
      guard case .int(let code) = positional[0] else {
        if case .bigInt = positional[0] {
          throw CellError(
            type: "OverflowError", message: "Python int too large to convert to C int", range: range
          )
        }
        throw typeError("'\(positional[0].typeName)' object cannot be interpreted as an integer")
      }
      guard (0...0x10FFFF).contains(code) else {
        throw CellError(
          type: "ValueError", message: "chr() arg not in range(0x110000)", range: range)
      }
      guard let scalar = Unicode.Scalar(UInt32(code)) else {
        throw .unsupported("ConvBook does not support lone surrogates in strings", at: range)
      }
      return .string(String(Character(scalar)))
    case "ord":
      guard case .string(let text) = positional[0] else {
        throw typeError(
          "ord() expected string of length 1, but \(positional[0].typeName) found")
      }
      let scalars = Array(text.unicodeScalars)
      guard scalars.count == 1 else {
        throw typeError(
          "ord() expected a character, but string of length \(scalars.count) found")
      }
      return .int(Int(scalars[0].value))
    case "divmod":
      let quotient = try Operators.binary(
        .floorDivide, positional[0], positional[1], range: range, budget: interpreter.budget)
      let remainder = try Operators.binary(
        .modulo, positional[0], positional[1], range: range, budget: interpreter.budget)
      return .tuple([quotient, remainder])
    case "pow":
      if positional.count == 3 {
        if case .none = positional[2] {
        } else {
          return try modularPower(positional, range: range)
        }
      }
      return try Operators.binary(
        .power, positional[0], positional[1], range: range, budget: interpreter.budget)
    case "callable":
      return .bool(Builtins.isCallable(positional[0]))
    case "id":
      return .standard(try PythonObjectID(of: positional[0], range: range))
    default:
      // hex, bin, oct
      let number: BigInt
      switch positional[0] {
      case .int(let value): number = BigInt(value)
      case .bigInt(let value): number = value
      case .bool(let flag): number = flag ? 1 : 0
      default:
        throw typeError("'\(positional[0].typeName)' object cannot be interpreted as an integer")
      }
      let (radix, prefix) = name == "hex" ? (16, "0x") : name == "bin" ? (2, "0b") : (8, "0o")
      let digits = String(number.magnitude, radix: radix)
      return .string((number.sign == .minus ? "-" : "") + prefix + digits)
    }
  }

  /// `pow(base, exponent, modulus)` of integers, as CPython computes it: the result takes the
  /// modulus' sign, and a negative exponent uses the base's inverse.
  static func modularPower(_ positional: [Value], range: SourceRange) throws(CellError) -> Value {
    func integer(_ value: Value) -> BigInt? {
      switch value {
      case .int(let number): return BigInt(number)
      case .bigInt(let number): return number
      case .bool(let flag): return flag ? 1 : 0
      default: return nil
      }
    }
    guard let base = integer(positional[0]), let exponent = integer(positional[1]),
      let modulus = integer(positional[2])
    else {
      throw CellError(
        type: "TypeError",
        message: "pow() 3rd argument not allowed unless all arguments are integers", range: range)
    }
    guard modulus != 0 else {
      throw CellError(
        type: "ValueError", message: "pow() 3rd argument cannot be 0", range: range)
    }
    let size = modulus.magnitude
    func floorModulo(_ value: BigInt) -> BigInt {
      let remainder = value % BigInt(size)
      return remainder < 0 ? remainder + BigInt(size) : remainder
    }
    var effectiveBase = floorModulo(base)
    if exponent < 0 {
      guard let inverse = effectiveBase.inverse(BigInt(size)) else {
        throw CellError(
          type: "ValueError", message: "base is not invertible for the given modulus",
          range: range)
      }
      effectiveBase = inverse
    }
    var result = effectiveBase.power(BigInt(exponent.magnitude), modulus: BigInt(size))
    result = floorModulo(result)
    // Python's `%` with a negative modulus gives a result in (modulus, 0].
    if modulus < 0 && result != 0 { result -= BigInt(size) }
    if size == 1 { result = 0 }
    return Int(exactly: result).map(Value.int) ?? .bigInt(result)
  }

  /// `int(text, base)`: CPython's parsing of a string in base 2-36 (0: the prefix decides), with
  /// underscores between digits and surrounding whitespace.
  static func integer(positional: [Value], keywords: [(String, Value)], range: SourceRange)
    throws(CellError) -> Value
  {
    func typeError(_ message: String) -> CellError {
      CellError(type: "TypeError", message: message, range: range)
    }
    var values = positional
    for (label, value) in keywords {
      guard label == "base" || (label == "x" && values.isEmpty) else {
        throw typeError("'\(label)' is an invalid keyword argument for int()")
      }
      values.append(value)
    }
    guard values.count == 2 else {
      throw typeError("int() takes at most 2 arguments (\(values.count) given)")
    }
    guard case .int(var base) = NumPyScalar.number(values[1]) else {
      throw typeError("'\(values[1].typeName)' object cannot be interpreted as an integer")
    }
    guard base == 0 || (2...36).contains(base) else {
      throw CellError(
        type: "ValueError", message: "int() base must be >= 2 and <= 36, or 0", range: range)
    }
    guard case .string(let text) = values[0] else {
      throw typeError("int() can't convert non-string with explicit base")
    }
    let invalid = CellError(
      type: "ValueError",
      message: "invalid literal for int() with base \(base): \(PythonFormat.quoted(text))",
      range: range)
    var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
    var negative = false
    if let sign = body.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      body = body.dropFirst()
    }
    let lower = body.lowercased()
    for (prefix, prefixBase) in [("0x", 16), ("0o", 8), ("0b", 2)]
    where lower.hasPrefix(prefix) && (base == 0 || base == prefixBase) {
      base = prefixBase
      body = body.dropFirst(2)
      if body.first == "_" { body = body.dropFirst() }
      break
    }
    if base == 0 {
      // No prefix: decimal, where a leading zero is only allowed for zero itself.
      base = 10
      if body.count > 1, body.first == "0", body.contains(where: { $0 != "0" && $0 != "_" }) {
        throw invalid
      }
    }
    guard !body.isEmpty, body.first != "_", body.last != "_", !body.contains("__") else {
      throw invalid
    }
    var magnitude = BigInt(0)
    for character in body where character != "_" {
      guard character.isASCII, let digit = character.hexDigitValue ?? letterValue(character),
        digit < base
      else { throw invalid }
      magnitude = magnitude * BigInt(base) + BigInt(digit)
    }
    return PythonInteger.value(negative ? -magnitude : magnitude)
  }

  /// The value of a letter digit beyond hexadecimal (`g` is 16, ..., `z` 35).
  private static func letterValue(_ character: Character) -> Int? {
    guard let scalar = character.lowercased().unicodeScalars.first, ("a"..."z").contains(scalar)
    else { return nil }
    return Int(scalar.value - 97) + 10
  }
}

/// A method read from a built-in class (`str.lower`, `dict.items`): calling it calls the method
/// on its first argument, as `sorted(names, key=str.lower)` does.
final class UnboundMethod: StandardObject {
  let type: String
  let name: String

  init(typeName: String, name: String) {
    type = typeName
    self.name = name
  }

  override var isCallable: Bool { true }

  override var typeName: String { "method_descriptor" }
  override func repr(_ item: (Value) -> String) -> String {
    "<method '\(name)' of '\(type)' objects>"
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    if type == "dict" && name == "fromkeys" {
      // A class method: `dict.fromkeys(keys, value=None)`.
      guard (1...2).contains(positional.count), keywords.isEmpty else {
        throw CellError(
          type: "TypeError",
          message: "fromkeys expected at most 2 arguments, got \(positional.count)",
          range: site.range)
      }
      let made = PythonDict()
      let value = positional.count > 1 ? positional[1] : .none
      for key in try interpreter.iterate(positional[0], range: site.range) {
        try interpreter.setItem(of: .dictionary(made), key, to: value, range: site.range)
      }
      return .dictionary(made)
    }
    guard let receiver = positional.first else {
      throw CellError(
        type: "TypeError",
        message: "unbound method \(type).\(name)() needs an argument", range: site.range)
    }
    guard receiver.typeName == type else {
      throw CellError(
        type: "TypeError",
        message:
          "descriptor '\(name)' for '\(type)' objects doesn't apply to a '\(receiver.typeName)' object",
        range: site.range)
    }
    return try Methods.call(
      name, on: receiver, positional: Array(positional.dropFirst()), keywords: keywords,
      site: site, interpreter: interpreter)
  }
}

extension Builtins {
  /// Python's `callable(value)`: functions, classes, bound methods, Keras layers and models, and
  /// instances whose class defines `__call__`.
  static func isCallable(_ value: Value) -> Bool {
    switch value {
    case .function, .method, .layer, .model: return true
    case .instance(let instance): return instance.type.lookup("__call__") != nil
    case .kerasObject(let object): return object.isCallable
    case .standard(let object): return object.isCallable
    default: return false
    }
  }
}
