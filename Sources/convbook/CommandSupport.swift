import ArgumentParser
import ConvBookCore
import Foundation

/// Wiring shared by the subcommands: the lesson runner with every feature plugged in, file loading,
/// and the one place where ConvBookCore's errors and reports become output and exit codes.
enum CommandSupport {
  /// `solutions`: exercise cards show answers and solutions (instructors' builds).
  static func runner(
    footer: SummaryFooterStyle = .default, keras: KerasVersionSetting = .init(),
    solutions: Bool = false
  ) -> LessonRunner {
    var runner = LessonRunner(
      footer: footer, kerasVersion: keras, figureEvaluator: FigureEvaluator(),
      exerciseEvaluator: ExerciseCardEvaluator(showSolutions: solutions))
    // TensorFlow's own choice on this machine, `TF_ENABLE_ONEDNN_OPTS` included.
    runner.engine = .machine(environment: ProcessInfo.processInfo.environment)
    return runner
  }

  /// Keras' warnings go to standard error at the script's line, or, with `pythonWarnings`
  /// (`convbook run`), as Python prints them.
  static func load(
    _ path: String, footer: SummaryFooterStyle = .default, keras: KerasVersionSetting = .init(),
    pythonWarnings: Bool = false, scriptArguments: [String] = []
  ) throws -> ModelFile {
    do {
      let file = try ModelFile.load(
        path: path, runner: runner(footer: footer, keras: keras.withCourse(of: path)),
        console: .standardOutput(), scriptArguments: scriptArguments)
      for note in file.notes { Terminal.error("note: \(note)\n") }
      if pythonWarnings {
        for warning in file.pythonWarnings { Terminal.error(warning) }
      } else {
        for warning in file.warnings { Terminal.error("\(warning)\n") }
      }
      return file
    } catch {
      CommandFailure(message: error.description, code: error.isUsageError ? 2 : 1).exit()
    }
  }

  /// Runs a command's call into ConvBookCore; a `CommandError` prints its diagnostics and message
  /// and exits with 2 (usage) or 1 (input).
  static func run<T>(_ body: () throws -> T) rethrows -> T {
    do {
      return try body()
    } catch let error as CommandError {
      Terminal.printDiagnostics(error.diagnostics)
      CommandFailure(message: error.message, code: error.isUsageError ? 2 : 1).exit()
    }
  }

  /// Prints a model command's report: its output, diagnostics and failures; exit 1 when it failed.
  static func print(_ report: CommandReport) throws {
    if report.outputIsStyled {
      Terminal.rawOutput(report.output, terminator: "")
    } else {
      Terminal.output(report.output, terminator: "")
    }
    if let standardError = report.standardError { Terminal.rawError(standardError) }
    Terminal.printDiagnostics(report.diagnostics)
    if let errorText = report.errorText { Terminal.rawError(errorText) }
    for failure in report.failures {
      Terminal.error("convbook: \(TerminalText.escaped(failure))\n")
    }
    if report.failed { throw ExitCode(report.exitCode ?? 1) }
  }
}
