import ArgumentParser
import ConvBookCore
import Foundation

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a lesson as a Jupyter notebook that runs in real Keras (Jupyter, Colab).",
    discussion: """
      Prose becomes Markdown cells (with the {keras} values computed), Keras cells become code \
      cells, figures a note and exercises Markdown cards without their answers.
      """)

  @Argument(help: "The lesson (.md or .student.md).")
  var lesson: String

  @Flag(help: "Write a Jupyter notebook (.ipynb), the one format there is.")
  var ipynb = false

  @Option(help: "The notebook to write (default: the lesson's name with .ipynb, here).")
  var out: String?

  func run() throws {
    guard ipynb else { CommandFailure.usage("say which format: --ipynb").exit() }
    let loaded = try CommandSupport.load(lesson)
    guard let parsed = loaded.lesson,
      let source = try? String(contentsOfFile: lesson, encoding: .utf8)
    else {
      CommandFailure.usage("'\(lesson)' is not a lesson (.md)").exit()
    }
    Terminal.printDiagnostics(loaded.diagnostics)
    let path = out ?? NotebookExport.fileName(forLesson: lesson)
    let text = NotebookExport.notebook(source: source, lesson: parsed, session: loaded.session)
    do {
      try AtomicFileWriter.write(Array(text.utf8), to: path, inputs: [lesson])
    } catch {
      (error.isUsageError ? CommandFailure.usage : CommandFailure.input)(error.message).exit()
    }
    Terminal.error("Wrote \(path)\n")
    if !loaded.diagnostics.isEmpty { throw ExitCode(1) }
  }
}
