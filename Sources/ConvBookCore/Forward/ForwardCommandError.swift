/// Why `convbook predict` or `bench` stopped: a usage error (exit 2: an unknown model, a file that
/// is not a lesson or script, contradictory options) or an input error (exit 1: weights or an input
/// that do not fit, a pass over the memory budget, a file with errors).
public struct ForwardCommandError: Error, Equatable, CustomStringConvertible {
  public var message: String
  public var isUsageError: Bool

  public static func usage(_ message: String) -> ForwardCommandError {
    ForwardCommandError(message: message, isUsageError: true)
  }

  public static func input(_ message: String) -> ForwardCommandError {
    ForwardCommandError(message: message, isUsageError: false)
  }

  public var description: String { message }
}
