/// The outcome of `convbook check`: what to print, as text or JSON, and the exit status.
public struct ExerciseCheckReport {
  public enum Status: String, Sendable {
    case correct
    case incorrect
    /// The check could not be made: unknown lesson or id, wrong kind of submission, or an exercise
    /// that is broken itself.
    case usageError = "usage-error"
  }

  public var status: Status
  /// For the terminal (standard output for a verdict; for a usage error, the message).
  public var text: String
  /// The same for course tooling (`--json`).
  public var json: JSONValue

  /// 0 correct, 1 not correct (a student's broken code included), 2 usage error.
  public var exitCode: Int32 {
    switch status {
    case .correct: return 0
    case .incorrect: return 1
    case .usageError: return 2
    }
  }

  /// The line that gives the verdict (`✓ id: ...` or `✗ id: ...`), or the first line of a usage
  /// error, for one-line-per-exercise listings.
  public var verdictLine: String {
    let lines = text.split(separator: "\n").map(String.init)
    return lines.first { $0.hasPrefix("✓ ") || $0.hasPrefix("✗ ") } ?? lines.first ?? ""
  }

  public init(status: Status, text: String, json: JSONValue) {
    self.status = status
    self.text = text
    self.json = json
  }

  static func usage(
    _ message: String, lesson: String, exercise: String, extra: [(String, JSONValue)] = []
  ) -> Self {
    ExerciseCheckReport(
      status: .usageError, text: message,
      json: .object(
        [
          ("lesson", .string(lesson)), ("exercise", .string(exercise)),
          ("status", .string("usage-error")),
          ("correct", .bool(false)), ("message", .string(message)),
        ] + extra))
  }
}
