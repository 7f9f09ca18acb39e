/// The source of a cell as Unicode scalars, with the `SourceLocation` of
/// every scalar boundary computed once up front.
///
/// The tokenizer works on scalars (so it never splits a UTF-8 sequence) but
/// columns must count characters as the user sees them; precomputing the
/// mapping keeps both cheap and lets f-string expressions be re-tokenized in
/// place with correct absolute positions.
struct SourceBuffer: Sendable {
  let scalars: [Unicode.Scalar]
  private let locations: [SourceLocation]

  init(_ text: String) {
    var scalars: [Unicode.Scalar] = []
    var locations: [SourceLocation] = []
    scalars.reserveCapacity(text.unicodeScalars.count)
    locations.reserveCapacity(text.unicodeScalars.count + 1)
    var line = 1
    var column = 1
    var utf8Offset = 0
    for character in text {
      var isFirstScalar = true
      for scalar in character.unicodeScalars {
        scalars.append(scalar)
        // Scalars inside a grapheme cluster sit "after" the visible character.
        locations.append(
          SourceLocation(
            line: line, column: isFirstScalar ? column : column + 1, utf8Offset: utf8Offset))
        utf8Offset += UTF8.width(scalar)
        isFirstScalar = false
      }
      if character == "\n" || character == "\r\n" || character == "\r" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    locations.append(SourceLocation(line: line, column: column, utf8Offset: utf8Offset))
    self.scalars = scalars
    self.locations = locations
  }

  var count: Int { scalars.count }

  subscript(index: Int) -> Unicode.Scalar? {
    index >= 0 && index < scalars.count ? scalars[index] : nil
  }

  func location(at index: Int) -> SourceLocation {
    locations[min(max(index, 0), locations.count - 1)]
  }

  func range(_ start: Int, _ end: Int) -> SourceRange {
    SourceRange(start: location(at: start), end: location(at: end))
  }

  func text(_ start: Int, _ end: Int) -> String {
    var result = String.UnicodeScalarView()
    if start < end {
      result.append(contentsOf: scalars[max(start, 0)..<min(end, scalars.count)])
    }
    return String(result)
  }

  func isLineBreak(at index: Int) -> Bool {
    self[index] == "\n" || self[index] == "\r"
  }

  /// The number of scalars in the line break starting at `index` (2 for `\r\n`).
  func lineBreakLength(at index: Int) -> Int {
    if self[index] == "\r" && self[index + 1] == "\n" { return 2 }
    return isLineBreak(at: index) ? 1 : 0
  }

  /// Index of the first line-break scalar at or after `index`, or the end.
  func endOfLine(from index: Int) -> Int {
    var cursor = index
    while cursor < scalars.count && !isLineBreak(at: cursor) { cursor += 1 }
    return cursor
  }
}
