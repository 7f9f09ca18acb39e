import Foundation
import KerasCells

/// What a student typed after `convbook check LESSON ID`, read the way they meant it: numbers with
/// or without thousands separators (`11574090`, `11,574,090`, `11_574_090`, `11 574 090`), shapes
/// as Python tuples (`(None, 53, 53, 64)`, also without the parentheses), `True`/`False`, `None`,
/// and anything else as text (quotes optional).
public struct StudentAnswer {
  /// The answer as typed, trimmed.
  public var text: String
  /// The answer as a value of the cell language.
  public var value: Value

  public init(_ typed: String) {
    text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
    value = Self.read(text)
  }

  private static func read(_ text: String) -> Value {
    if text.isEmpty { return .string("") }
    if let number = groupedNumber(text) { return number }
    // A fresh session knows no lesson names, so `flatten` reads as text rather than a NameError,
    // and literals, tuples and arithmetic (`53 * 53 * 64`) read as Python would read them.
    if let value = try? KerasSession().evaluate(text), isPlainData(value) { return value }
    return .string(unquoted(text))
  }

  /// `11,574,090` or `11 574 090` (and with decimals), which Python would read as a tuple or not at all.
  private static func groupedNumber(_ text: String) -> Value? {
    for separator in [",", " "] {
      let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      var whole = String(parts[0])
      var sign = ""
      if let first = whole.first, first == "-" || first == "+" {
        sign = first == "-" ? "-" : ""
        whole.removeFirst()
      }
      let groups = whole.components(separatedBy: separator)
      guard groups.count > 1, let head = groups.first, (1...3).contains(head.count),
        groups.dropFirst().allSatisfy({ $0.count == 3 }),
        groups.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
      else { continue }
      let digits = sign + groups.joined()
      if parts.count == 2 {
        guard let number = Double(digits + "." + parts[1]) else { continue }
        return .float(number)
      }
      guard let number = Int(digits) else { continue }
      return .int(number)
    }
    return nil
  }

  private static func isPlainData(_ value: Value) -> Bool {
    switch value {
    case .none, .bool, .int, .float, .string: return true
    case .tuple(let items), .list(let items): return items.allSatisfy(isPlainData)
    default: return false
    }
  }

  private static func unquoted(_ text: String) -> String {
    for quote in ["\"", "'", "`"]
    where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
      return String(text.dropFirst().dropLast())
    }
    return text
  }
}
