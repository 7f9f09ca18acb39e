import Foundation
import KerasCells

/// What a student typed as an answer, read as a literal, never evaluated: numbers with or without
/// thousands separators (`11574090`, `11,574,090`, `11_574_090`, `11 574 090`, `-0.5`, `1e-3`),
/// shapes and tuples (`(None, 53, 53, 64)`, `[None, 10]`, also without the brackets), `True`,
/// `False`, `None`, quoted text, and anything else as text (quotes optional). `11508137 + 1` is
/// text, so it is not the number 11508138.
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
    var reader = LiteralReader(text: Array(text))
    if let value = reader.readTopLevel() { return value }
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
        guard parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
          let number = Double(digits + "." + parts[1])
        else { continue }
        return .float(number)
      }
      guard let number = Int(digits) else { continue }
      return .int(number)
    }
    return nil
  }

  /// A Python number literal with an optional sign: `42`, `-3`, `11_574_090`, `0.25`, `.5`, `1e-3`.
  static func number(_ word: String) -> Value? {
    var body = Substring(word)
    var negative = false
    if let first = body.first, first == "-" || first == "+" {
      negative = first == "-"
      body = body.dropFirst()
    }
    guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return nil }
    // Underscores only between digits, as Python allows them.
    let characters = Array(body)
    for (index, character) in characters.enumerated() where character == "_" {
      guard index > 0, index + 1 < characters.count, characters[index - 1].isNumber,
        characters[index + 1].isNumber
      else { return nil }
    }
    let plain = body.filter { $0 != "_" }
    guard plain.allSatisfy({ $0.isASCII && ($0.isNumber || ".eE+-".contains($0)) }) else {
      return nil
    }
    if plain.allSatisfy(\.isNumber) {
      guard let magnitude = Int(plain) else { return nil }
      return .int(negative ? -magnitude : magnitude)
    }
    guard let magnitude = Double(plain), magnitude.isFinite else { return nil }
    return .float(negative ? -magnitude : magnitude)
  }

  private static func unquoted(_ text: String) -> String {
    for quote in ["\"", "'", "`"]
    where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
      return String(text.dropFirst().dropLast())
    }
    return text
  }

  /// Literals only: numbers, `None`, `True`, `False`, quoted strings, tuples and lists of them.
  private struct LiteralReader {
    var text: [Character]
    var position = 0

    /// The whole text as one literal; items separated by commas without brackets make a tuple.
    mutating func readTopLevel() -> Value? {
      var items: [Value] = []
      var trailingComma = false
      repeat {
        skipBlanks()
        if position == text.count, !items.isEmpty {
          trailingComma = true
          break
        }
        guard let item = readValue() else { return nil }
        items.append(item)
        skipBlanks()
      } while consume(",")
      guard position == text.count else { return nil }
      return items.count == 1 && !trailingComma ? items[0] : .tuple(items)
    }

    mutating func readValue() -> Value? {
      skipBlanks()
      guard position < text.count else { return nil }
      let character = text[position]
      if character == "(" || character == "[" {
        let closing: Character = character == "(" ? ")" : "]"
        position += 1
        var items: [Value] = []
        var sawComma = false
        while true {
          skipBlanks()
          if consume(closing) { break }
          guard let item = readValue() else { return nil }
          items.append(item)
          skipBlanks()
          if consume(",") {
            sawComma = true
            continue
          }
          guard consume(closing) else { return nil }
          break
        }
        if closing == "]" { return .list(items) }
        // `(5)` is the number 5 in Python; `(5,)` and `()` are tuples.
        return items.count == 1 && !sawComma ? items[0] : .tuple(items)
      }
      if character == "'" || character == "\"" {
        position += 1
        var string = ""
        while position < text.count, text[position] != character {
          string.append(text[position])
          position += 1
        }
        guard consume(character) else { return nil }
        return .string(string)
      }
      var word = ""
      while position < text.count, !",()[] \t\n".contains(text[position]) {
        word.append(text[position])
        position += 1
      }
      switch word {
      case "None": return Value.none
      case "True": return .bool(true)
      case "False": return .bool(false)
      default: return StudentAnswer.number(word)
      }
    }

    mutating func skipBlanks() {
      while position < text.count, text[position].isWhitespace { position += 1 }
    }

    mutating func consume(_ character: Character) -> Bool {
      guard position < text.count, text[position] == character else { return false }
      position += 1
      return true
    }
  }
}
