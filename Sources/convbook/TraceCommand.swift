import ArgumentParser
import ConvBookCore

struct TraceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trace",
    abstract:
      "Print a model's shape trace: every layer's output shape, values, activation memory, parameters and MACs, and what a real forward pass put in each layer's output.",
    discussion: """
      FILE is a lesson (.md) or a Keras script (.py). Without --model, every model the file defines \
      is traced. Rows marked '<-' are where the layout is flattened or the values or parameters jump. \
      Min, Mean, Max and Zeros (the share of exact zeros) come from one forward pass of a seeded \
      random input through seeded, untrained weights (Keras' default initialisers), the same numbers \
      a lesson page shows; ms is each layer's time in that pass, the only column that changes from \
      run to run. A model whose pass cannot run (over the memory budget, say) gets its shapes and a \
      note. Exits with 1 when the file has errors, 2 for usage errors.
      """)

  @OptionGroup var file: ModelFileArgument
  @OptionGroup var model: ModelOption
  @OptionGroup var json: JSONOption

  @Flag(help: "Shapes and counts only: skip the forward pass and its statistics.")
  var noStats = false

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let loaded = try CommandSupport.load(file.file, keras: keras.setting)
    try CommandSupport.print(
      CommandSupport.run {
        try ModelCommands.trace(loaded, model: model.model, json: json.json, statistics: !noStats)
      })
  }
}
