/// Why a piece of TeX could not become MathML: the message and where in the TeX it applies.
public struct MathError: Error, Sendable, Equatable {
  /// TeX's own words where TeX has them (`Missing } inserted`), else ConvBook's.
  public var message: String
  /// The 0-based character offset in the TeX of the first character the error is about.
  public var offset: Int
  /// How many characters the caret should underline (at least 1).
  public var length: Int

  public init(message: String, offset: Int, length: Int = 1) {
    self.message = message
    self.offset = offset
    self.length = max(1, length)
  }

  /// The TeX line holding the error, and a caret line under the offending text, with the 1-based
  /// line and column of the error inside `tex`.
  public func excerpt(in tex: String) -> (line: Int, column: Int, text: String, caret: String) {
    let characters = Array(tex)
    var line = 1
    var lineStart = 0
    for index in 0..<min(offset, characters.count) where characters[index] == "\n" {
      line += 1
      lineStart = index + 1
    }
    var lineEnd = lineStart
    while lineEnd < characters.count, characters[lineEnd] != "\n" { lineEnd += 1 }
    let column = offset - lineStart + 1
    let width = max(1, min(length, lineEnd - offset))
    let caret =
      String(repeating: " ", count: max(0, offset - lineStart))
      + String(repeating: "^", count: width)
    return (line, column, String(characters[lineStart..<lineEnd]), caret)
  }
}
