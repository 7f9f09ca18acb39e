import ArgumentParser
import ConvBookCore

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a Keras script and print what `python FILE.py` prints.",
    discussion: """
      FILE is a Keras script (.py) or notebook (.ipynb, its code cells in order). Standard output \
      gets what the script prints, in order: print(...) and model.summary() as Keras prints them at \
      that moment. An uncaught exception ends the run as it ends a Python script: a traceback on \
      standard error, exit 1. Keras 3's UserWarning for input_shape= goes to standard error as \
      Python prints it. Exits with 2 for usage errors.
      """)

  @OptionGroup var file: ModelFileArgument
  @OptionGroup var json: JSONOption
  @OptionGroup var keras: KerasVersionOption
  @Argument(
    parsing: .allUnrecognized,
    help: "The script's own arguments (sys.argv[1:]), as `python FILE.py ARGUMENTS...` gets them.")
  var arguments: [String] = []

  func run() throws {
    let loaded = try CommandSupport.load(
      file.file, keras: keras.setting, pythonWarnings: true, scriptArguments: arguments)
    try CommandSupport.print(
      CommandSupport.run {
        try ModelCommands.run(
          loaded, json: json.json,
          errorsToTerminal: ModelCommands.standardErrorIsTerminal())
      })
  }
}
