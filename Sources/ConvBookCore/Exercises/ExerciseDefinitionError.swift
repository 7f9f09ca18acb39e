/// A mistake in how an exercise block is written (missing id, unknown key, malformed line), at
/// the lesson line it concerns.
public struct ExerciseDefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var message: String

  public init(line: Int, column: Int = 1, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "line \(line): \(message)" }

  /// The error as a lesson diagnostic, with the offending line of `block` as excerpt when known.
  func diagnostic(file: String, lineText: String?) -> Diagnostic {
    var excerpt: (line: String, caret: String)?
    if let lineText, !lineText.isEmpty {
      let indentation = String(lineText.prefix(max(column - 1, 0)).map { $0 == "\t" ? "\t" : " " })
      let rest = lineText.dropFirst(max(column - 1, 0))
      excerpt = (lineText, indentation + String(repeating: "^", count: max(rest.count, 1)))
    }
    return Diagnostic(file: file, line: line, column: column, message: message, excerpt: excerpt)
  }
}
