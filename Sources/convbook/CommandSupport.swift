import CNNEngine
import ConvBookCore
import KerasCells

/// Wiring shared by the subcommands: the lesson runner with every feature plugged in, and file
/// loading with ConvBook's exit codes.
enum CommandSupport {
  /// `solutions`: exercise cards show answers and solutions (instructors' builds).
  static func runner(
    footer: SummaryFooterStyle = .classic, keras: KerasVersionSetting = .init(),
    solutions: Bool = false
  ) -> LessonRunner {
    LessonRunner(
      footer: footer, kerasVersion: keras, figureEvaluator: FigureEvaluator(),
      exerciseEvaluator: ExerciseCardEvaluator(showSolutions: solutions))
  }

  static func load(
    _ path: String, footer: SummaryFooterStyle = .classic, keras: KerasVersionSetting = .init()
  ) throws -> ModelFile {
    do {
      let file = try ModelFile.load(path: path, runner: runner(footer: footer, keras: keras))
      for note in file.notes { Terminal.error("note: \(note)\n") }
      return file
    } catch {
      CommandFailure(message: error.description, code: error.isUsageError ? 2 : 1).exit()
    }
  }

  /// The models `names` select in `loaded` (every model when empty). A name that matches nothing in a
  /// file without errors is a usage error (exit 2); anything else wrong with the file exits with 1,
  /// after its diagnostics.
  static func selectModels(_ loaded: ModelFile, names: [String]) -> [SequentialModel] {
    do {
      return try FigureModelSelection.select(loaded, names: names)
    } catch {
      Terminal.printDiagnostics(loaded.diagnostics)
      if case .unknown = error, loaded.diagnostics.isEmpty {
        CommandFailure.usage(error.description).exit()
      }
      CommandFailure.input(error.description).exit()
    }
  }
}
