import BigInt

/// Built-ins that real scripts use beside their model code: `chr`, `ord`, `divmod`, `pow`,
/// `callable`, `hex`, `bin`, `oct`, with CPython 3.11's results and messages.
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
          throw .unsupported("ConvBook does not support pow() with a modulus yet", at: range)
        }
      }
      return try Operators.binary(
        .power, positional[0], positional[1], range: range, budget: interpreter.budget)
    case "callable":
      switch positional[0] {
      case .function, .layer, .model: return .bool(true)
      case .method: return .bool(true)
      case .standard(let object):
        return .bool(object is StandardFunction || object.isClass)
      default: return .bool(false)
      }
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
}
