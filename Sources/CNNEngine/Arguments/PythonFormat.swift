/// Python's text forms of numbers and strings, so that messages read as Keras writes them.
public enum PythonFormat {
  /// `repr(float)` as CPython writes it: the shortest digits that round-trip, in positional
  /// notation when the decimal exponent is in -4..<16 (`0.0001`, `1e-05`, `1e+16`, `1.0`).
  public static func float(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let sign = value.sign == .minus ? "-" : ""
    if value == 0 { return sign + "0.0" }
    // Swift's description has the same shortest round-trip digits; only the layout differs.
    return layout("\(value.magnitude)", sign: sign)
  }

  /// `str(np.float32(x))` / `repr` without the type: the shortest digits that round-trip in
  /// float32, laid out as Python lays out floats (`0.1`, `1e-05`).
  public static func float32(_ value: Float) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let sign = value.sign == .minus ? "-" : ""
    if value == 0 { return sign + "0.0" }
    return layout("\(value.magnitude)", sign: sign)
  }

  /// Shortest digits (Swift's description of a positive number) in Python's layout.
  private static func layout(_ text: String, sign: String) -> String {
    let mantissa: Substring
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...]) ?? 0
    } else {
      mantissa = text[...]
    }
    let point = mantissa.firstIndex(of: ".") ?? mantissa.endIndex
    let integerPart = mantissa[..<point]
    let fraction = point < mantissa.endIndex ? mantissa[mantissa.index(after: point)...] : ""
    var digits = Array(integerPart + fraction)
    var decimalPoint = integerPart.count + exponent
    while digits.count > 1 && digits.first == "0" {
      digits.removeFirst()
      decimalPoint -= 1
    }
    while digits.count > 1 && digits.last == "0" { digits.removeLast() }
    if decimalPoint <= -4 || decimalPoint > 16 {
      let power = decimalPoint - 1
      let rest = digits.count > 1 ? "." + String(digits[1...]) : ""
      let exponentText = String(abs(power))
      return sign + String(digits[0]) + rest + (power < 0 ? "e-" : "e+")
        + (exponentText.count < 2 ? "0" : "") + exponentText
    }
    if decimalPoint <= 0 {
      return sign + "0." + String(repeating: "0", count: -decimalPoint) + String(digits)
    }
    if decimalPoint >= digits.count {
      return sign + String(digits) + String(repeating: "0", count: decimalPoint - digits.count)
        + ".0"
    }
    return sign + String(digits[..<decimalPoint]) + "." + String(digits[decimalPoint...])
  }

  /// `repr(str)`: single quotes unless the text contains one and no double quote.
  public static func quoted(_ text: String) -> String {
    let quote: Unicode.Scalar =
      text.unicodeScalars.contains("'") && !text.unicodeScalars.contains("\"") ? "\"" : "'"
    return String(quote) + escaped(text, quote: quote) + String(quote)
  }

  /// The inside of a str's repr between `quote`s, as CPython's `unicode_repr` writes it: the quote
  /// and backslash escaped, `\t` `\n` `\r`, other control characters and every character Python
  /// does not print (`str.isprintable`) as `\xNN`, `\uNNNN` or `\UNNNNNNNN`; code points, not
  /// Swift's characters (`\r\n` is two escapes).
  public static func escaped(_ text: String, quote: Unicode.Scalar) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case quote: result += "\\" + String(quote)
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || !isPrintable(scalar) {
          let (marker, width) =
            scalar.value < 0x100 ? ("x", 2) : scalar.value < 0x10000 ? ("u", 4) : ("U", 8)
          let hex = String(scalar.value, radix: 16)
          result += "\\" + marker + String(repeating: "0", count: width - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// `str.isprintable()` for one code point: not a control, format, surrogate, private-use,
  /// unassigned or separator character (the space aside).
  private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
      .paragraphSeparator:
      return false
    case .spaceSeparator:
      return scalar == " "
    default:
      return true
    }
  }

  /// An integer with thousands separators: `11,574,090`.
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return value < 0 ? "-" + result : result
  }

  /// The order in which CPython iterates a small set of ints (`{v for v in values}`), which Keras
  /// prints in messages: slots are `hash & 7` (hash(-1) is -2), collisions probe as `setobject.c`
  /// does for an 8-slot table.
  public static func setOrder(_ values: [Int]) -> [Int] {
    var slots: [Int?] = Array(repeating: nil, count: 8)
    var count = 0
    for value in values where !slots.contains(value) {
      // An 8-slot table holds at most 4 entries before CPython grows it; the callers pass fewer.
      guard count < 4 else { break }
      let hash = value == -1 ? -2 : value
      var perturb = UInt(bitPattern: hash)
      var index = Int(perturb & 7)
      while slots[index] != nil {
        perturb >>= 5
        index = Int((UInt(index) &* 5 &+ 1 &+ perturb) & 7)
      }
      slots[index] = value
      count += 1
    }
    return slots.compactMap { $0 }
  }
}
