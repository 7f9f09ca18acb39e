import CNNEngine

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

  /// What stopped a command that reads model files and arrays and writes one output
  /// (`predict`, `fit`): refused outputs and missing files are usage errors, everything the
  /// inputs get wrong an input error.
  static func wrapping(_ error: any Error) -> ForwardCommandError {
    switch error {
    case let error as ForwardCommandError: return error
    case let error as AtomicFileWriter.OutputError:
      return ForwardCommandError(message: error.message, isUsageError: error.isUsageError)
    case let error as TextFile.ReadError:
      return ForwardCommandError(message: error.description, isUsageError: error.isMissing)
    case let error as TrainingError: return .input(error.message)
    case let error as ForwardError: return .input(error.message)
    default: return .input("\(error)")
    }
  }
}
