import ConvBookCore
import KerasCells

/// Wiring shared by the subcommands: the lesson runner with every feature plugged in, and file
/// loading with ConvBook's exit codes.
enum CommandSupport {
  /// `solutions`: exercise cards show answers and solutions (instructors' builds).
  static func runner(footer: SummaryFooterStyle = .classic, solutions: Bool = false) -> LessonRunner
  {
    LessonRunner(
      footer: footer, figureEvaluator: FigureEvaluator(),
      exerciseEvaluator: ExerciseCardEvaluator(showSolutions: solutions))
  }

  static func load(_ path: String, footer: SummaryFooterStyle = .classic) throws -> ModelFile {
    do {
      return try ModelFile.load(path: path, runner: runner(footer: footer))
    } catch {
      CommandFailure.usage(error.description).exit()
    }
  }
}
