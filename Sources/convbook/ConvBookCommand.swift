import ArgumentParser
import ConvBookCore
import Foundation

/// `convbook`: the command-line shell over ConvBookCore.
@main
struct ConvBookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convbook",
    abstract:
      "Run Keras CNN lessons without TensorFlow: exact summaries, figures and a browsable site.",
    subcommands: [
      BuildCommand.self, SummaryCommand.self, CheckCommand.self, VerifyCommand.self,
      TraceCommand.self,
      AdjacencyCommand.self, CompareCommand.self, ScalingCommand.self, PredictCommand.self,
      BenchCommand.self, FitCommand.self,
    ])

  /// Exit codes: 0 success, 1 the input has errors, 2 usage errors (ArgumentParser's own usage
  /// failures included, which it would otherwise report as 64).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Foundation.exit(code == .failure ? 1 : 2)
    }
  }
}

/// The conventions every subcommand shares for terminal output.
enum Terminal {
  /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
  static var useColor: Bool {
    let environment = ProcessInfo.processInfo.environment
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    return isatty(STDERR_FILENO) == 1
  }

  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  static func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { error(diagnostic.formatted(color: useColor)) }
  }
}

/// Errors with ConvBook's own exit code: 1 for bad input, 2 for bad usage.
struct CommandFailure: Error, CustomStringConvertible {
  var message: String
  var code: Int32

  static func input(_ message: String) -> CommandFailure {
    CommandFailure(message: message, code: 1)
  }
  static func usage(_ message: String) -> CommandFailure {
    CommandFailure(message: message, code: 2)
  }

  var description: String { message }

  /// Prints the message and exits with the code.
  func exit() -> Never {
    Terminal.error("convbook: \(message)\n")
    Foundation.exit(code)
  }
}
