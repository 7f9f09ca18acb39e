import ArgumentParser
import ConvBookCore
import Foundation

struct FitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "Train the compiled model of a lesson or Keras script on .npy data, as model.fit.",
    discussion: """
      The model's `model.compile(optimizer=..., loss=..., metrics=[...])` decides the optimizer, \
      loss and metrics. Weights start from --weights (an .npz keyed by Keras weight names) or from \
      Keras' initializers drawn with --seed. A model with several inputs or outputs takes \
      --x NAME=FILE.npy per input and --y NAME=FILE.npy per output (the input and output layers' \
      names), or one .npz keyed by those names, as predict does. Prints Keras' epoch lines (verbose=2, as the file's Keras version prints them), or with \
      --json {"history": {...}}. The trained weights, moving statistics included, are written to \
      --out as .npz under Keras' names, atomically. Shuffling and dropout masks are seeded by \
      --seed (TensorFlow's own random streams cannot be reproduced); results are identical for \
      every thread count. Exits with 1 when the file, weights or data do not fit, 2 for usage errors.
      """)

  @Argument(help: "A lesson (.md) or Keras script (.py) whose model is compiled.")
  var file: String

  @Option(
    help: ArgumentHelp(
      "Inputs, samples first: one .npy, one .npz keyed by the model's input names, or NAME=FILE.npy per input (repeat).",
      valueName: "file|name=file"))
  var x: [String]

  @Option(
    help: ArgumentHelp(
      "Targets (class indices for sparse losses), samples first: one .npy, one .npz keyed by the model's output names, or NAME=FILE.npy per output (repeat).",
      valueName: "file|name=file"))
  var y: [String]

  @Option(
    help: "Initial weights as .npz keyed by Keras weight names (default: seeded initializers).")
  var weights: String?

  @Option(help: "Where to write the trained weights (.npz).")
  var out: String

  @Option(help: "The model to train: a variable name or a Keras model name.")
  var model: String?

  @Option(parsing: .unconditional, help: "Epochs.")
  var epochs = OptionNumber<Int>(1)

  @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Samples per batch.")
  var batchSize = OptionNumber<Int>(32)

  @Flag(name: .customLong("no-shuffle"), help: "Visit the samples in order (shuffle=False).")
  var noShuffle = false

  @Option(
    name: .customLong("validation-split"), parsing: .unconditional,
    help: "Fraction of the samples, taken from the end, kept for validation.")
  var validationSplit = OptionNumber<Double>(0)

  @OptionGroup var seed: SeedOption

  @Flag(help: "Print {\"history\": {...}} instead of the epoch lines.")
  var json = false

  @OptionGroup var memoryBudget: MemoryBudgetOptionGroup

  @OptionGroup var threads: ThreadsOption

  @OptionGroup var keras: KerasVersionOption

  func validate() throws {
    _ = try epochs.count(of: "--epochs", atLeast: 0)
    _ = try batchSize.count(of: "--batch-size", atLeast: 1)
    _ = try validationSplit.value(of: "--validation-split", "a number in the range [0, 1)") {
      $0 >= 0 && $0 < 1
    }
  }

  func run() throws {
    let loaded = try CommandSupport.load(file, keras: keras.setting)
    Terminal.printDiagnostics(loaded.diagnostics)
    let training = Training(
      x: x, y: y, weightsPath: weights, outputPath: out, modelName: model,
      epochs: epochs.validated, batchSize: batchSize.validated, shuffle: !noShuffle,
      validationSplit: validationSplit.validated, seed: seed.value,
      memoryBudget: memoryBudget.bytes, threads: threads.count)
    do {
      let result = try training.run(loaded) { line in
        if !json { Terminal.output(line) }
      }
      if json { Terminal.output(result.json) }
    } catch {
      CommandFailure(message: error.message, code: error.isUsageError ? 2 : 1).exit()
    }
  }
}
