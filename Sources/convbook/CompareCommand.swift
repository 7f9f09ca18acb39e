import ArgumentParser
import ConvBookCore

struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract:
      "Compare models side by side: parameters and where they sit, multiply-accumulates, activation memory.",
    discussion: """
      Without --model, compares every model the file defines (at least two). Ratios are given \
      against the model with the fewest parameters; "body" is everything before the first Flatten \
      or global pooling layer, "head" the rest. Exits with 1 when the file has errors or fewer than \
      two models, 2 for usage errors.
      """)

  @OptionGroup var file: ModelFileArgument

  @Option(
    name: .customLong("model"),
    help: "A model to compare (repeat: --model a --model b); default: all.")
  var models: [String] = []

  @OptionGroup var json: JSONOption

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let loaded = try CommandSupport.load(file.file, keras: keras.setting)
    try CommandSupport.print(
      CommandSupport.run { try ModelCommands.compare(loaded, models: models, json: json.json) })
  }
}
