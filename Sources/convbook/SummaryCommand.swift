import ArgumentParser
import ConvBookCore

struct SummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Print Keras' model.summary() for every model a lesson or script defines.",
    discussion: """
      FILE is a lesson (.md, its cells run in order) or a Keras script (.py, run as one cell). \
      Exits with 1 when the file has errors (reported with file, line and column), 2 for usage errors.
      """)

  @OptionGroup var file: ModelFileArgument
  @OptionGroup var model: ModelOption
  @OptionGroup var json: JSONOption

  @Option(
    help:
      "Keras 2 only: summary footer style, modern (11574090 (44.15 MB), as tf-keras 2.13+ prints it; the default) or classic (Total params: 11,574,090, Keras 2.12 and older)."
  )
  var footer: SummaryFooterStyle = .default

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let loaded = try CommandSupport.load(file.file, keras: keras.setting)
    try CommandSupport.print(
      CommandSupport.run {
        try ModelCommands.summary(loaded, model: model.model, json: json.json, footer: footer)
      })
  }
}
