/// A value written in an exercise block (an answer expression, a requirement, a model name), with
/// where it starts in the lesson so that errors in it point at the lesson's own text.
public struct ExerciseText: Sendable, Hashable {
  /// The value as written; continuation lines are joined with single spaces.
  public var text: String
  /// The lesson line it starts on.
  public var line: Int
  /// The 1-based column of its first character on that line.
  public var column: Int
  /// The whole lesson line it starts on, for error excerpts.
  public var lineText: String

  public init(text: String, line: Int, column: Int, lineText: String) {
    self.text = text
    self.line = line
    self.column = column
    self.lineText = lineText
  }
}
