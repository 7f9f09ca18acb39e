/// A command that cannot give its answer: the file's diagnostics (printed first), then the message;
/// exit code 2 for a usage error, 1 for anything wrong with the input.
public struct CommandError: Error, CustomStringConvertible {
  public var message: String
  public var isUsageError: Bool
  public var diagnostics: [Diagnostic]

  public init(_ message: String, isUsageError: Bool, diagnostics: [Diagnostic] = []) {
    self.message = message
    self.isUsageError = isUsageError
    self.diagnostics = diagnostics
  }

  public static func input(_ message: String, diagnostics: [Diagnostic] = []) -> CommandError {
    CommandError(message, isUsageError: false, diagnostics: diagnostics)
  }

  public static func usage(_ message: String, diagnostics: [Diagnostic] = []) -> CommandError {
    CommandError(message, isUsageError: true, diagnostics: diagnostics)
  }

  public var description: String { message }
}
