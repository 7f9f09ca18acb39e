import Foundation
import KerasCells

/// An answer key that can check an answer without revealing it: every value of the key is kept
/// only as a salted SHA-256 of its canonical text, next to what the feedback needs to know about
/// its form (a number, a shape of four dimensions whose first is None, text).
///
/// Every check goes through a sealed key, the instructor's lesson (whose key is sealed in memory)
/// as well as the student file (whose key is written in it), so both give the same verdicts and
/// the same messages by construction.
///
/// - Whole numbers and text hash their canonical text (`11574090`, whitespace collapsed); text
///   keeps a second hash of its lowercase form, for the "names are case-sensitive" message.
/// - Floats with a tolerance hash grid points: with the step `s = 10^n` chosen so that the allowed
///   margin spans between 10 and 100 steps, the key holds a hash of every integer `k` with
///   `|k·s − answer| ≤ margin`, and an answer `g` is right when `floor(g/s + 0.5)` is among them.
///   This accepts the same answers as the margin does, widened by at most half a step (at most a
///   twentieth of the margin) at each end. The step tells the answer's order of magnitude.
/// - Shapes and tuples seal each item with its position, so the feedback still names the wrong
///   dimensions.
///
/// A hash hides an answer from reading, not from a search: a determined student can hash every
/// number up to a million in a second. The scheme keeps keys out of sight of the students who
/// check their answers honestly, which is what a lesson file downloaded beside a page needs.
public indirect enum SealedAnswer: Sendable, Hashable {
  case integer(String)
  /// A float compared within a margin: the grid exponent `n` (step 10^n) and the grid points' hashes.
  case grid(exponent: Int, points: Set<String>)
  /// A float without tolerance: the hash of its shortest decimal text.
  case exactFloat(String)
  case text(String, lowercased: String)
  case truth(String)
  case none
  case sequence([SealedAnswer])

  /// How many hexadecimal digits of each SHA-256 are kept (64 bits: no accidental collision).
  static let hashDigits = 16
  static let formatVersion = "v1"

  // MARK: Sealing

  /// The key of `value` (a number, shape, text, truth value, None or a tuple of them), salted.
  public static func seal(_ value: Value, tolerance: Double, salt: String) -> SealedAnswer {
    Sealer(salt: salt, tolerance: tolerance).seal(value, path: "0")
  }

  /// The salt of an exercise: derived from its id, so that builds are byte-identical.
  public static func salt(forExercise id: String) -> String {
    String(SHA256.hex("convbook salt\n" + id).prefix(hashDigits))
  }

  struct Sealer {
    var salt: String
    var tolerance: Double

    func hash(_ canonical: String, path: String) -> String {
      SealedAnswer.hash(canonical, salt: salt, path: path)
    }

    func seal(_ value: Value, path: String) -> SealedAnswer {
      switch value {
      case .int(let number): return .integer(hash(String(number), path: path))
      case .float(let number): return sealFloat(number, path: path)
      case .string(let text):
        let canonical = SealedAnswer.normalizedText(text)
        return .text(
          hash(canonical, path: path), lowercased: hash(canonical.lowercased(), path: path))
      case .bool(let truth): return .truth(hash(truth ? "True" : "False", path: path))
      case .none: return .none
      case .tuple, .list:
        return .sequence(
          value.sequenceItems!.enumerated().map {
            seal($0.element, path: path + "." + String($0.offset))
          })
      default:
        return .text(hash(PythonValueText.repr(value), path: path), lowercased: "")
      }
    }

    private func sealFloat(_ number: Double, path: String) -> SealedAnswer {
      let margin = number == 0 ? tolerance : tolerance * abs(number)
      guard margin > 0, margin.isFinite, number.isFinite else {
        return .exactFloat(hash(SealedAnswer.floatText(number), path: path))
      }
      let exponent = Int(floor(log10(margin))) - 1
      guard let low = SealedAnswer.scaled(number - margin, exponent: exponent),
        let high = SealedAnswer.scaled(number + margin, exponent: exponent),
        let first = Int(exactly: ceil(low)), let last = Int(exactly: floor(high)),
        last >= first, last - first <= 1000
      else {
        return .exactFloat(hash(SealedAnswer.floatText(number), path: path))
      }
      return .grid(
        exponent: exponent, points: Set((first...last).map { hash(String($0), path: path) }))
    }
  }

  /// The truncated salted hash of `canonical` at item `path` ("0", "0.2", ...).
  static func hash(_ canonical: String, salt: String, path: String) -> String {
    String(SHA256.hex("convbook1\n\(salt)\n\(path)\n\(canonical)").prefix(hashDigits))
  }

  /// `number / 10^exponent`, computed the same way by the in-page script: a division or a
  /// multiplication by an exactly parsed power of ten. Nil when it is not a finite value within
  /// ±2^53, where every integer is exact.
  static func scaled(_ number: Double, exponent: Int) -> Double? {
    guard let power = Double("1e\(abs(exponent))") else { return nil }
    let result = exponent >= 0 ? number / power : number * power
    guard result.isFinite, abs(result) <= 9_007_199_254_740_992 else { return nil }
    return result
  }

  /// The grid point an answer falls on.
  static func gridPoint(_ number: Double, exponent: Int) -> Int? {
    guard let value = scaled(number, exponent: exponent) else { return nil }
    return Int(exactly: floor(value + 0.5))
  }

  static func floatText(_ number: Double) -> String { "\(number)" }

  /// Text with every run of whitespace made one space, trimmed at both ends.
  public static func normalizedText(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  // MARK: Comparing

  /// Whether `given` is the sealed answer, with the same feedback ``AnswerComparison`` documents.
  public func compare(_ given: Value, salt: String) -> AnswerVerdict {
    compare(given, salt: salt, path: "0")
  }

  private func compare(_ given: Value, salt: String, path: String) -> AnswerVerdict {
    func hash(_ canonical: String) -> String {
      SealedAnswer.hash(canonical, salt: salt, path: path)
    }
    switch self {
    case .integer(let key):
      switch given {
      case .int(let value): return hash(String(value)) == key ? .correct : .incorrect(reason: nil)
      case .float(let value):
        if value != value.rounded() { return .incorrect(reason: "The answer is a whole number.") }
        guard let whole = Int(exactly: value) else { return .incorrect(reason: nil) }
        return hash(String(whole)) == key ? .correct : .incorrect(reason: nil)
      default: return .incorrect(reason: kindMismatch(given))
      }
    case .grid(let exponent, let points):
      guard let number = Self.number(given) else { return .incorrect(reason: kindMismatch(given)) }
      guard let point = Self.gridPoint(number, exponent: exponent) else {
        return .incorrect(reason: nil)
      }
      return points.contains(hash(String(point))) ? .correct : .incorrect(reason: nil)
    case .exactFloat(let key):
      guard let number = Self.number(given) else { return .incorrect(reason: kindMismatch(given)) }
      return hash(Self.floatText(number)) == key ? .correct : .incorrect(reason: nil)
    case .text(let key, let lowercased):
      let givenText: String
      if case .string(let text) = given {
        givenText = Self.normalizedText(text)
      } else {
        // `7` typed for the text "7" is the same answer.
        if hash(PythonValueText.str(given)) == key { return .correct }
        return .incorrect(reason: kindMismatch(given))
      }
      if hash(givenText) == key { return .correct }
      if !lowercased.isEmpty, hash(givenText.lowercased()) == lowercased {
        return .incorrect(
          reason: "Almost: names are case-sensitive in Keras; check the capital letters.")
      }
      return .incorrect(reason: nil)
    case .truth(let key):
      var truth: Bool?
      if case .bool(let value) = given { truth = value }
      if case .string(let word) = given { truth = ["yes": true, "no": false][word.lowercased()] }
      guard let truth else { return .incorrect(reason: kindMismatch(given)) }
      return hash(truth ? "True" : "False") == key ? .correct : .incorrect(reason: nil)
    case .none:
      if case .none = given { return .correct }
      return .incorrect(reason: nil)
    case .sequence(let expected):
      guard case let givenItems? = Self.items(of: given) else {
        return .incorrect(reason: kindMismatch(given))
      }
      return compareSequence(expected, givenItems, salt: salt, path: path)
    }
  }

  private func compareSequence(
    _ expected: [SealedAnswer], _ given: [Value], salt: String, path: String
  ) -> AnswerVerdict {
    let shape = Self.isShape(expected)
    if given.count != expected.count {
      let givenIsShape = given.allSatisfy {
        switch $0 {
        case .int, .none: return true
        default: return false
        }
      }
      let givenStartsWithNone: Bool
      if case .none? = given.first {
        givenStartsWithNone = true
      } else {
        givenStartsWithNone = false
      }
      if shape, givenIsShape, given.count + 1 == expected.count,
        expected.first == SealedAnswer.none,
        !givenStartsWithNone
      {
        return .incorrect(
          reason:
            "Keras shapes start with the batch dimension, None: write (None, …) followed by the other dimensions."
        )
      }
      let noun = shape ? "dimension" : "item"
      return .incorrect(
        reason:
          "Your answer has \(given.count) \(noun)\(given.count == 1 ? "" : "s"), but the answer has \(expected.count)."
      )
    }
    var wrong: [Int] = []
    for (index, (expectedItem, givenItem)) in zip(expected, given).enumerated()
    where !expectedItem.compare(givenItem, salt: salt, path: path + "." + String(index)).isCorrect {
      wrong.append(index + 1)
    }
    if wrong.isEmpty { return .correct }
    guard shape else { return .incorrect(reason: nil) }
    let ordinals = wrong.map(Self.ordinal)
    let list =
      ordinals.count == 1
      ? ordinals[0]
      : ordinals.dropLast().joined(separator: ", ") + " and " + ordinals[ordinals.count - 1]
    return .incorrect(
      reason:
        "The \(list) dimension\(wrong.count == 1 ? " is" : "s are") not right (the batch dimension, None, is the 1st)."
    )
  }

  // MARK: What the feedback may say about the key

  /// What kind of answer this is, as the feedback names it.
  public var kindName: String {
    switch self {
    case .integer, .grid, .exactFloat: return "a number"
    case .sequence(let items): return Self.isShape(items) ? "a shape" : "a tuple"
    case .text: return "text"
    case .truth: return "True or False"
    case .none: return "None"
    }
  }

  static func isShape(_ items: [SealedAnswer]) -> Bool {
    items.allSatisfy {
      switch $0 {
      case .integer, .none: return true
      default: return false
      }
    }
  }

  private func kindMismatch(_ given: Value) -> String {
    switch self {
    case .integer, .grid, .exactFloat:
      return "This exercise asks for a number; write it with digits, e.g. 1234, 1,234 or 1_234."
    case .sequence(let items):
      if Self.isShape(items) {
        return
          "This exercise asks for a shape, written as a Python tuple in quotes, e.g. '(None, 28, 28, 1)'."
      }
      return "This exercise asks for a tuple, e.g. '(1, 2)'."
    case .text:
      return
        "This exercise asks for a name or other text, not \(AnswerComparison.kindName(of: given))."
    case .truth:
      return "This exercise asks for True or False."
    case .none:
      return "This exercise asks for None, not \(AnswerComparison.kindName(of: given))."
    }
  }

  private static func number(_ value: Value) -> Double? {
    switch value {
    case .int(let number): return Double(number)
    case .float(let number): return number
    default: return nil
    }
  }

  private static func items(of value: Value) -> [Value]? {
    switch value {
    case .tuple, .list: return value.sequenceItems
    default: return nil
    }
  }

  static func ordinal(_ number: Int) -> String {
    let suffix: String
    switch (number % 10, number % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(number)\(suffix)"
  }

  // MARK: Text form (the `sealed:` field of student lesson files)

  /// `v1 SALT KEY`, where KEY is `int:H`, `grid:N:H+H+...` (sorted), `float:H`, `text:H:H`,
  /// `bool:H`, `none` or `(KEY, KEY, ...)`.
  public func fieldText(salt: String) -> String {
    "\(Self.formatVersion) \(salt) \(keyText)"
  }

  var keyText: String {
    switch self {
    case .integer(let hash): return "int:\(hash)"
    case .grid(let exponent, let points):
      return "grid:\(exponent):" + points.sorted().joined(separator: "+")
    case .exactFloat(let hash): return "float:\(hash)"
    case .text(let hash, let lowercased): return "text:\(hash):\(lowercased)"
    case .truth(let hash): return "bool:\(hash)"
    case .none: return "none"
    case .sequence(let items): return "(" + items.map(\.keyText).joined(separator: ",") + ")"
    }
  }

  /// Reads a `sealed:` field: the key and its salt, or nil when it is not one.
  public static func parse(fieldText: String) -> (key: SealedAnswer, salt: String)? {
    let words = fieldText.split(separator: " ", maxSplits: 2).map(String.init)
    guard words.count == 3, words[0] == formatVersion, isHex(words[1]) else { return nil }
    var parser = KeyParser(text: Array(words[2].filter { !$0.isWhitespace }))
    guard let key = parser.parseKey(), parser.position == parser.text.count else { return nil }
    return (key, words[1])
  }

  static func isHex(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
  }

  private struct KeyParser {
    var text: [Character]
    var position = 0

    mutating func parseKey() -> SealedAnswer? {
      if position < text.count, text[position] == "(" {
        position += 1
        var items: [SealedAnswer] = []
        if position < text.count, text[position] == ")" {
          position += 1
          return .sequence([])
        }
        while true {
          guard let item = parseKey() else { return nil }
          items.append(item)
          guard position < text.count else { return nil }
          if text[position] == "," {
            position += 1
            continue
          }
          guard text[position] == ")" else { return nil }
          position += 1
          return .sequence(items)
        }
      }
      var word = ""
      while position < text.count, !",()".contains(text[position]) {
        word.append(text[position])
        position += 1
      }
      let parts = word.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      switch (parts.first, parts.count) {
      case ("none", 1): return SealedAnswer.none
      case ("int", 2) where isHex(parts[1]): return .integer(parts[1])
      case ("float", 2) where isHex(parts[1]): return .exactFloat(parts[1])
      case ("bool", 2) where isHex(parts[1]): return .truth(parts[1])
      case ("text", 3) where isHex(parts[1]) && (parts[2].isEmpty || isHex(parts[2])):
        return .text(parts[1], lowercased: parts[2])
      case ("grid", 3):
        let points = parts[2].split(separator: "+", omittingEmptySubsequences: false).map(
          String.init)
        guard let exponent = Int(parts[1]), points.allSatisfy(isHex) else { return nil }
        return .grid(exponent: exponent, points: Set(points))
      default: return nil
      }
    }
  }
}
