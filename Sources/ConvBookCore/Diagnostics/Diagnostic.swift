/// An error in a lesson or script, pointing at file, line and column, with the offending line and a
/// caret under the text it is about.
public struct Diagnostic: Error, Equatable, Sendable {
  public var file: String
  /// 1-based; 0 when the problem concerns the file as a whole.
  public var line: Int
  /// 1-based; 0 when unknown.
  public var column: Int
  /// Python's exception type (`ValueError`, `SyntaxError`, ...) or nil for ConvBook's own messages.
  public var errorType: String?
  public var message: String
  /// The source line and the caret line beneath it, when known.
  public var excerpt: (line: String, caret: String)?
  /// What the reader can do about it, when there is something to say.
  public var hint: String?

  public init(
    file: String, line: Int, column: Int, errorType: String? = nil, message: String,
    excerpt: (line: String, caret: String)? = nil, hint: String? = nil
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.errorType = errorType
    self.message = message
    self.excerpt = excerpt
    self.hint = hint
  }

  public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    lhs.file == rhs.file && lhs.line == rhs.line && lhs.column == rhs.column
      && lhs.errorType == rhs.errorType && lhs.message == rhs.message
      && lhs.excerpt?.line == rhs.excerpt?.line && lhs.excerpt?.caret == rhs.excerpt?.caret
      && lhs.hint == rhs.hint
  }

  /// `ValueError: message`, or just the message.
  public var headline: String { errorType.map { "\($0): \(message)" } ?? message }

  /// `file:line:column`, leaving out what is unknown.
  public var location: String {
    var text = file
    if line > 0 { text += ":\(line)" }
    if line > 0 && column > 0 { text += ":\(column)" }
    return text
  }

  /// The compiler-style text a terminal shows:
  ///
  ///     Lessons/02.md:14:5: error: ValueError: ...
  ///         layers.Conv2D(32, 3),
  ///         ^^^^^^^^^^^^^^^^^^^^
  public func formatted(color: Bool = false) -> String {
    let red = color ? "\u{1B}[1;31m" : ""
    let bold = color ? "\u{1B}[1m" : ""
    let green = color ? "\u{1B}[32m" : ""
    let reset = color ? "\u{1B}[0m" : ""
    // What came from the file (names, messages, the source line) is escaped for the terminal
    // before ConvBook's own colours are added.
    let safe = TerminalText.escaped
    var text =
      "\(bold)\(safe(location)):\(reset) \(red)error:\(reset) \(bold)\(safe(headline))\(reset)\n"
    if let excerpt {
      text +=
        "    \(TerminalText.escapedKeepingLines(excerpt.line))\n    \(green)\(safe(excerpt.caret))\(reset)\n"
    }
    if let hint { text += "  hint: \(safe(hint))\n" }
    return text
  }
}
