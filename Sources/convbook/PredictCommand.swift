import ArgumentParser
import ConvBookCore

struct PredictCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "predict",
    abstract: "Run a model of a lesson or Keras script on inputs and write its outputs as .npy.",
    discussion: """
      Weights come from --weights, an .npz whose keys are Keras' weight names (conv2d/kernel:0, \
      with or without :0) in Keras' layouts; without it, Keras' initializers are drawn with --seed. \
      The input comes from --input (.npy, or .npz keyed by the model's input names) or from one \
      --x NAME=FILE.npy per model input; without them, a uniform [0, 1) batch of --batch samples is \
      drawn with --seed. The output is written as float32 .npy, atomically; a model with several \
      outputs needs --out FILE.npz (keyed by the output layers' names) or an existing folder (one \
      NAME.npy per output). A pass whose weights \
      and activations would exceed --memory-budget is refused before anything is allocated. \
      Exits with 1 when the file, weights or input do not fit, 2 for usage errors.
      """)

  @OptionGroup var file: ModelFileArgument

  @Option(help: "Weights as .npz keyed by Keras weight names (default: seeded initializers).")
  var weights: String?

  @Option(
    help:
      "Input batch as .npy, or .npz keyed by the model's input names (default: a seeded uniform [0, 1) batch)."
  )
  var input: String?

  @Option(
    name: .customLong("x"),
    help: ArgumentHelp(
      "One input of the model, by its name (repeat for each).", valueName: "name=file.npy"))
  var namedInputs: [String] = []

  @Option(help: "Where to write the output: .npy, .npz, or a folder for one .npy per output.")
  var out: String

  @OptionGroup var json: JSONOption

  @Option(help: "The model to run: a variable name or a Keras model name.")
  var model: String?

  @OptionGroup var seed: SeedOption

  @Option(parsing: .unconditional, help: "Samples in the seeded input (default 1).")
  var batch: OptionNumber<Int>?

  @OptionGroup var memoryBudget: MemoryBudgetOptionGroup

  @OptionGroup var threads: ThreadsOption

  func validate() throws {
    _ = try batch?.count(of: "--batch", atLeast: 1)
  }

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let loaded = try CommandSupport.load(file.file, keras: keras.setting)
    Terminal.printDiagnostics(loaded.diagnostics)
    let prediction = Prediction(
      weightsPath: weights, inputPath: input, namedInputs: namedInputs, outputPath: out,
      modelName: model, seed: seed.value,
      batch: batch?.validated, memoryBudget: memoryBudget.bytes,
      threads: threads.count)
    do {
      let result = try prediction.run(loaded)
      Terminal.output(
        json.json ? result.json.serialized(pretty: true) : "wrote \(out): \(result.summary)")
    } catch {
      CommandFailure(message: error.message, code: error.isUsageError ? 2 : 1).exit()
    }
  }
}
