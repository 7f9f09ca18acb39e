/// Why an exercise block's fields could not be read, and on which lesson line.
public struct ExerciseParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The lesson line at fault.
  public var line: Int
  /// What is wrong, for the instructor.
  public var message: String

  /// Creates an error.
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  /// `line N: message`.
  public var description: String { "line \(line): \(message)" }
}
