import ArgumentParser
import ConvBookCore

struct GraphCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "graph",
    abstract: "Draw a model's layer graph as SVG, as the lesson figure graph(model) draws it.",
    discussion: """
      FILE is a lesson (.md), a Keras script (.py) or a notebook (.ipynb). The model is the one \
      --model names; without it, the file's only model, else the one bound to `model`, else the \
      last one. Boxes show each layer call's name, class and output shape, arrows follow the data \
      flow and merges (Add, Concatenate, ...) are tinted with their operation in a badge. The SVG \
      goes to standard output, or to --out (written atomically). --json prints the nodes (name, \
      class, output shape, parameters, nested) in the order a forward pass runs them and the \
      edges. Exits with 1 when the file has errors, 2 for usage errors.
      """)

  @OptionGroup var file: ModelFileArgument
  @OptionGroup var model: ModelOption
  @OptionGroup var json: JSONOption

  @Flag(help: "Draw the layers of nested models instead of one box per nested model.")
  var expandNested = false

  @Option(help: "Write the SVG (or the JSON) to this file instead of standard output.")
  var out: String?

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let loaded = try CommandSupport.load(file.file, keras: keras.setting)
    try CommandSupport.print(
      CommandSupport.run {
        try ModelCommands.graph(
          loaded, model: model.model, json: json.json, expandNested: expandNested,
          outputPath: out)
      })
  }
}
