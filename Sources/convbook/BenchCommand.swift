import ArgumentParser
import CNNEngine
import ConvBookCore
import Foundation

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time the forward pass of a lesson's or script's models.",
    discussion: """
      Each model runs on a seeded batch with seeded weights: warm-up runs first (they pack the \
      weights), then --runs timed runs. Prints per model the median milliseconds per batch, \
      GFLOP/s (2 FLOP per multiply-accumulate) and the measured peak memory, after the SIMD \
      build check; a binary built without the SIMD fast path is reported with a loud warning. \
      Benchmark a release build: swift build -c release. Exits with 1 when the file has errors, \
      2 for usage errors.
      """)

  @Argument(help: "A lesson (.md) or Keras script (.py).")
  var file: String

  @Option(name: .customLong("model"), help: "A model to time (repeatable); default: all.")
  var models: [String] = []

  @Option(help: "Samples per batch.")
  var batch: Int = 1

  @Option(help: "Threads for the kernels (default: every core).")
  var threads: Int?

  @Option(help: "Timed runs per model (the median is reported).")
  var runs: Int = 10

  @Option(help: "Untimed warm-up runs per model.")
  var warmups: Int = 2

  @Option(help: "Seed of the weights and the input.")
  var seed: UInt64 = 0

  @Option(
    name: .customLong("memory-budget"),
    help: "Largest estimated weights + activations in bytes (suffixes K, M, G allowed).")
  var memoryBudget: String = String(ForwardPass.defaultMemoryBudget)

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func validate() throws {
    if batch < 1 { throw ValidationError("--batch must be at least 1") }
    if runs < 1 { throw ValidationError("--runs must be at least 1") }
    if warmups < 0 { throw ValidationError("--warmups must not be negative") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    guard MemoryBudgetOption.parse(memoryBudget) != nil else {
      throw ValidationError(
        "--memory-budget must be a positive number of bytes, such as 2147483648 or 2G")
    }
  }

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let check = SIMDBuildCheck.report()
    if let warning = ForwardBenchmark.buildWarning(check) {
      Terminal.error(
        "\n" + String(repeating: "!", count: 78) + "\n" + warning + "\n"
          + String(repeating: "!", count: 78) + "\n\n")
    }
    let loaded = try CommandSupport.load(file, keras: keras.setting)
    Terminal.printDiagnostics(loaded.diagnostics)
    if !loaded.diagnostics.isEmpty {
      CommandFailure.input("\(file) has errors; fix them before timing its models").exit()
    }
    let selected = CommandSupport.selectModels(loaded, names: models)
    let benchmark = ForwardBenchmark(
      batch: batch, threads: threads ?? KernelParallelism.defaultThreadCount, runs: runs,
      warmups: warmups, seed: seed, memoryBudget: MemoryBudgetOption.parse(memoryBudget)!)
    let measurements: [ForwardBenchmark.Measurement]
    do {
      measurements = try benchmark.run(selected)
    } catch {
      CommandFailure(message: error.message, code: error.isUsageError ? 2 : 1).exit()
    }
    if json {
      Terminal.output(ForwardBenchmark.json(measurements, check: check).serialized(pretty: true))
    } else {
      Terminal.output(ForwardBenchmark.text(measurements, check: check), terminator: "")
    }
  }
}
