/// Something in a lesson that is probably a mistake but still produces a page.
public struct LessonWarning: Sendable, Hashable, CustomStringConvertible {
  /// The lesson line it concerns.
  public var line: Int
  /// What is wrong, for the instructor.
  public var message: String

  /// Creates a warning.
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  /// `line N: message`.
  public var description: String { "line \(line): \(message)" }
}
