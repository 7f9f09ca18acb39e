/// Python's text forms of numbers and strings, so that messages read as Keras writes them.
public enum PythonFormat {
  /// `repr(float)`: shortest round-trip digits, `1.0`, `0.0001`, `1e-05`.
  public static func float(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    var text = "\(value)"
    // Swift writes 1e-05 as "1e-05" and 1e+16 as "1e+16", like Python; plain integers need ".0".
    if !text.contains(".") && !text.contains("e") { text += ".0" }
    return text
  }

  /// `repr(str)`: single quotes unless the text contains one and no double quote.
  public static func quoted(_ text: String) -> String {
    let useDouble = text.contains("'") && !text.contains("\"")
    let quote: Character = useDouble ? "\"" : "'"
    var result = String(quote)
    for character in text {
      switch character {
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case quote: result += "\\" + String(quote)
      default: result.append(character)
      }
    }
    result.append(quote)
    return result
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
