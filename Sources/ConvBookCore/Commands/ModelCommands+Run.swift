import CNNEngine
import KerasCells

extension ModelCommands {
  /// `convbook run`: what `python FILE.py` prints, in order (`print(...)`, `model.summary()` as this
  /// Keras prints it at the moment it is called). An uncaught Python exception ends it as Python
  /// ends a script: a traceback on standard error whose last line is `Type: message`, exit 1.
  /// `console` is where Keras 3's table goes (its width and styles); the terminal by default.
  /// `errorsToTerminal`: whether standard error is a terminal (`console`'s by default), where the
  /// control characters of the traceback's messages and of warnings are shown escaped; to a pipe
  /// or a file they go as Python writes them (Keras 3's bold error text).
  public static func run(
    _ loaded: ModelFile, json: Bool, console: SummaryConsole = .standardOutput(),
    errorsToTerminal: Bool? = nil
  ) throws(CommandError) -> CommandReport {
    let escapesErrors = errorsToTerminal ?? console.isTerminal
    guard loaded.isScript else {
      throw .usage(
        "convbook run takes a Keras script (.py) or notebook (.ipynb); \(loaded.path) is a lesson (see convbook build)"
      )
    }
    let version = loaded.session.kerasVersion
    if json {
      return CommandReport(
        output: runJSON(loaded, format: SummaryFormat(kerasVersion: version, footer: .modern))
          .serialized(pretty: true) + "\n",
        diagnostics: [], failed: !loaded.diagnostics.isEmpty)
    }
    let format = SummaryFormat(kerasVersion: version, footer: .modern, console: console)
    var report = CommandReport(
      output: printedText(loaded.outputs, format: format), outputIsStyled: true,
      diagnostics: loaded.diagnostics.filter { $0.errorType == nil })
    let standardError = loaded.outputs.compactMap(\.standardErrorText).joined()
    if !standardError.isEmpty {
      report.standardError =
        escapesErrors ? TerminalText.escapedKeepingLines(standardError) : standardError
    }
    if let exit = loaded.scriptExit {
      // `sys.exit(status)`: Python writes a str status to standard error and exits with 1.
      if let message = exit.message {
        report.standardError =
          (report.standardError ?? "")
          + (escapesErrors ? TerminalText.escapedKeepingLines(message) : message) + "\n"
      }
      report.failed = true
      report.exitCode = Int32(exit.status)
    }
    let uncaught = loaded.diagnostics.filter { $0.errorType != nil }
    if let error = loaded.scriptError, error.type != nil, let traceback = loaded.scriptTraceback,
      !uncaught.isEmpty
    {
      // ConvBook's hint (a close keyword) goes first: a traceback's last line is the exception's.
      let hint =
        error.type == "NameError" || error.type == "AttributeError"
        ? error.note : error.hint
      report.errorText =
        (hint.map { "convbook: hint: \(TerminalText.escaped($0))\n" } ?? "")
        + traceback.text(lastLine: error.tracebackLine, escapingControls: escapesErrors)
      report.failed = true
    }
    return report
  }

  /// What the script printed, each summary in `format` (names escaped for a terminal; the styles
  /// are Keras 3's own). Printed text has its control characters escaped on a terminal only: to a
  /// pipe or a file it goes byte for byte as Python writes it (Keras 3's bold error messages).
  static func printedText(_ outputs: [CellOutput], format: SummaryFormat) -> String {
    outputs.map { output in
      switch output {
      case .text(let text):
        return format.console.isTerminal ? TerminalText.escapedKeepingLines(text) : text
      case .summary(let summary): return format.render(SummaryReport.terminalSafe(summary))
      case .standardError: return ""
      }
    }.joined()
  }

  /// `{"output": ..., "models": [...], "errors": [...]}`.
  static func runJSON(_ loaded: ModelFile, format: SummaryFormat) -> JSONValue {
    let output = loaded.outputs.map { $0.text(format: format) }.joined()
    let summary = SummaryReport.json(
      loaded.models(), diagnostics: loaded.diagnostics, kerasVersion: loaded.session.kerasVersion)
    guard case .object(let fields) = summary else { return summary }
    return .object([("output", .string(output))] + fields)
  }
}
