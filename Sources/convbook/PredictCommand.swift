import ArgumentParser
import CNNEngine
import ConvBookCore
import Foundation

struct PredictCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "predict",
    abstract: "Run a model of a lesson or Keras script on an input and write its output as .npy.",
    discussion: """
      Weights come from --weights, an .npz whose keys are Keras' weight names (conv2d/kernel:0, \
      with or without :0) in Keras' layouts; without it, Keras' initializers are drawn with --seed. \
      The input comes from --input (.npy); without it, a uniform [0, 1) batch of --batch samples is \
      drawn with --seed. The output is written as float32 .npy, atomically. A pass whose weights \
      and activations would exceed --memory-budget is refused before anything is allocated. \
      Exits with 1 when the file, weights or input do not fit, 2 for usage errors.
      """)

  @Argument(help: "A lesson (.md) or Keras script (.py).")
  var file: String

  @Option(help: "Weights as .npz keyed by Keras weight names (default: seeded initializers).")
  var weights: String?

  @Option(help: "Input batch as .npy (default: a seeded uniform [0, 1) batch).")
  var input: String?

  @Option(help: "Where to write the output .npy.")
  var out: String

  @Option(help: "The model to run: a variable name or a Keras model name.")
  var model: String?

  @Option(help: "Seed of the initializers and of the seeded input.")
  var seed: UInt64 = 0

  @Option(help: "Samples in the seeded input (default 1).")
  var batch: Int?

  @Option(
    name: .customLong("memory-budget"),
    help: "Largest estimated weights + activations in bytes (suffixes K, M, G allowed).")
  var memoryBudget: String = String(ForwardPass.defaultMemoryBudget)

  @Option(help: "Threads for the kernels (default: every core).")
  var threads: Int?

  func validate() throws {
    guard MemoryBudgetOption.parse(memoryBudget) != nil else {
      throw ValidationError(
        "--memory-budget must be a positive number of bytes, such as 2147483648 or 2G")
    }
    if let batch, batch < 1 { throw ValidationError("--batch must be at least 1") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
  }

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let loaded = try CommandSupport.load(file, keras: keras.setting)
    Terminal.printDiagnostics(loaded.diagnostics)
    let prediction = Prediction(
      weightsPath: weights, inputPath: input, outputPath: out, modelName: model, seed: seed,
      batch: batch, memoryBudget: MemoryBudgetOption.parse(memoryBudget)!,
      threads: threads ?? KernelParallelism.defaultThreadCount)
    do {
      let result = try prediction.run(loaded)
      Terminal.output("wrote \(out): \(result.summary)")
    } catch {
      CommandFailure(message: error.message, code: error.isUsageError ? 2 : 1).exit()
    }
  }
}
