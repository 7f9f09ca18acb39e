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
      BuildCommand.self, RunCommand.self, SummaryCommand.self, CheckCommand.self,
      VerifyCommand.self,
      TraceCommand.self,
      GraphCommand.self, AdjacencyCommand.self, CompareCommand.self, ScalingCommand.self,
      PredictCommand.self,
      BenchCommand.self, FitCommand.self, ExercisesCommand.self, GradeCommand.self,
      ExportCommand.self, ServeCommand.self, LessonJobCommand.self,
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
        Terminal.output(fullMessage(for: error))
        Foundation.exit(0)
      }
      Terminal.writeAll(fullMessage(for: error) + "\n", to: STDERR_FILENO)
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

  /// Writes to standard error; control characters that came from a file are shown escaped.
  static func error(_ text: String) {
    writeAll(TerminalText.escapedKeepingLines(text), to: STDERR_FILENO)
  }

  /// Writes to standard output, escaped like `error`.
  static func output(_ text: String, terminator: String = "\n") {
    writeAll(TerminalText.escapedKeepingLines(text) + terminator, to: STDOUT_FILENO)
  }

  /// Standard output with styles of ConvBook's own (Keras 3's summary on a terminal); `text` must be
  /// escaped already.
  static func rawOutput(_ text: String, terminator: String = "\n") {
    writeAll(text + terminator, to: STDOUT_FILENO)
  }

  /// ConvBook's own colours; `text` must be escaped already.
  static func rawError(_ text: String) {
    writeAll(text, to: STDERR_FILENO)
  }

  /// Writes every byte of `text` (or `bytes`) to `descriptor`. A write that fails (a full disk,
  /// `> /dev/full`) ends convbook with one line on standard error and status 1, as `python FILE.py`
  /// ends with `OSError: [Errno 28] No space left on device`: Foundation's `FileHandle.write`
  /// trapped there, a crash with a backtrace (hostile batch8). A closed pipe still ends the
  /// process by SIGPIPE, as for any Unix tool.
  static func writeAll(_ text: String, to descriptor: Int32) {
    writeAll(Array(text.utf8), to: descriptor)
  }

  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        let failure = errno
        if failure == EINTR { continue }
        if descriptor != STDERR_FILENO {
          let name =
            descriptor == STDOUT_FILENO ? "standard output" : "file descriptor \(descriptor)"
          writeAll(
            "convbook: cannot write to \(name): \(String(cString: strerror(failure)))\n",
            to: STDERR_FILENO)
        }
        Foundation.exit(1)
      }
      offset += written
    }
  }

  /// At most `limit` diagnostics, then a count of the rest.
  static func printDiagnostics(_ diagnostics: [Diagnostic], limit: Int = 50) {
    for diagnostic in diagnostics.prefix(limit) { rawError(diagnostic.formatted(color: useColor)) }
    if diagnostics.count > limit {
      error("... and \(diagnostics.count - limit) more errors\n")
    }
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

  /// Prints the message (one line: a newline that came from a file is shown as `\n`) and exits
  /// with the code.
  func exit() -> Never {
    Terminal.error("convbook: \(TerminalText.escaped(message))\n")
    Foundation.exit(code)
  }
}
