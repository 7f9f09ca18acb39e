import ArgumentParser
import ConvBookCore

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

  @OptionGroup var file: ModelFileArgument

  @Option(name: .customLong("model"), help: "A model to time (repeatable); default: all.")
  var models: [String] = []

  @Option(parsing: .unconditional, help: "Samples per batch.")
  var batch = OptionNumber<Int>(1)

  @OptionGroup var threads: ThreadsOption

  @Option(parsing: .unconditional, help: "Timed runs per model (the median is reported).")
  var runs = OptionNumber<Int>(10)

  @Option(parsing: .unconditional, help: "Untimed warm-up runs per model.")
  var warmups = OptionNumber<Int>(2)

  @OptionGroup var seed: SeedOption

  @OptionGroup var memoryBudget: MemoryBudgetOptionGroup

  @OptionGroup var json: JSONOption

  func validate() throws {
    _ = try batch.count(of: "--batch", atLeast: 1)
    // Refused before loading anything, as `fit --epochs` is: a count such as 2**63-1 would time
    // the model until the process is killed.
    let most = ForwardBenchmark.maximumRuns
    _ = try runs.count(of: "--runs", atLeast: 1, atMost: most)
    _ = try warmups.count(of: "--warmups", atLeast: 0, atMost: most)
  }

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let (check, warning) = ModelCommands.benchmarkBuildCheck()
    if let warning {
      Terminal.error(
        "\n" + String(repeating: "!", count: 78) + "\n" + warning + "\n"
          + String(repeating: "!", count: 78) + "\n\n")
    }
    let loaded = try CommandSupport.load(file.file, keras: keras.setting)
    let benchmark = ForwardBenchmark(
      batch: batch.validated, threads: threads.count, runs: runs.validated,
      warmups: warmups.validated, seed: seed.value,
      memoryBudget: memoryBudget.bytes)
    try CommandSupport.print(
      CommandSupport.run {
        try ModelCommands.bench(
          loaded, models: models, benchmark: benchmark, check: check, json: json.json)
      })
  }
}
