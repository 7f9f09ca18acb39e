/// Python's `str` is a sequence of code points, where Swift's `String` counts, indexes and
/// compares grapheme clusters under canonical equivalence: `len("e\u{301}")` is 2 in Python,
/// `"\r\n"[0]` is `"\r"`, and `"é" == "e\u{301}"` is False. Every `str` operation that counts,
/// indexes, iterates or compares goes through these.
enum PythonCodePoints {
  /// `len(text)`.
  static func count(_ text: String) -> Int { text.unicodeScalars.count }

  /// The one-code-point strings `list(text)` and `for c in text` give.
  static func items(_ text: String) -> [String] { text.unicodeScalars.map { String($0) } }

  /// `a == b`: the same code points (no canonical equivalence).
  static func equal(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.elementsEqual(b.unicodeScalars)
  }

  /// `a < b` of Python: code point by code point, a prefix first (-1, 0 or 1).
  static func order(_ a: String, _ b: String) -> Int {
    var left = a.unicodeScalars.makeIterator()
    var right = b.unicodeScalars.makeIterator()
    while true {
      switch (left.next(), right.next()) {
      case (nil, nil): return 0
      case (nil, _): return -1
      case (_, nil): return 1
      case (let x?, let y?) where x != y: return x.value < y.value ? -1 : 1
      default: continue
      }
    }
  }

  /// `part in text`.
  static func contains(_ text: String, _ part: String) -> Bool {
    let needle = Array(part.unicodeScalars)
    guard !needle.isEmpty else { return true }
    let scalars = Array(text.unicodeScalars)
    guard needle.count <= scalars.count else { return false }
    for start in 0...(scalars.count - needle.count)
    where scalars[start..<(start + needle.count)].elementsEqual(needle) {
      return true
    }
    return false
  }
}
