import ArgumentParser
import ConvBookCore
import Foundation
import KerasCells

struct SummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Print Keras' model.summary() for every model a lesson or script defines.",
    discussion: """
      FILE is a lesson (.md, its cells run in order) or a Keras script (.py, run as one cell). \
      Exits with 1 when the file has errors (reported with file, line and column), 2 for usage errors.
      """)

  @ArgumentParser.Argument(help: "A lesson (.md) or Keras script (.py).")
  var file: String

  @Option(help: "Only this model: a variable name or a Keras model name.")
  var model: String?

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @Option(
    help:
      "Keras 2 only: summary footer style, classic (Total params: 11,574,090) or modern (11574090 (44.15 MB))."
  )
  var footer: SummaryFooterStyle = .classic

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let loaded = try CommandSupport.load(file, keras: keras.setting)
    let version = loaded.session.kerasVersion
    let models = loaded.models(named: model)
    if let model, models.isEmpty, loaded.diagnostics.isEmpty {
      CommandFailure.usage(loaded.unknownModelMessage(model)).exit()
    }
    if json {
      Terminal.output(
        SummaryReport.json(models, diagnostics: loaded.diagnostics, kerasVersion: version)
          .serialized(pretty: true))
    } else {
      let format = SummaryFormat(
        kerasVersion: version, footer: footer, console: .standardOutput())
      // Names in the text are escaped (`SummaryReport`); the styles are Keras 3's own.
      let (text, errors) = SummaryReport.text(models, format: format)
      Terminal.rawOutput(text, terminator: "")
      Terminal.printDiagnostics(loaded.diagnostics)
      for error in errors { Terminal.error("convbook: \(TerminalText.escaped(error))\n") }
      if !errors.isEmpty { throw ExitCode(1) }
    }
    if !loaded.diagnostics.isEmpty { throw ExitCode(1) }
  }
}
