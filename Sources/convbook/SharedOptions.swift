import ArgumentParser
import ConvBookCore

// Options that several commands share, declared once.

/// FILE: the lesson or script a model command reads.
struct ModelFileArgument: ParsableArguments {
  @Argument(help: "A lesson (.md) or Keras script (.py).")
  var file: String
}

/// `--model NAME`: one model of the file.
struct ModelOption: ParsableArguments {
  @Option(help: "Only this model: a variable name or a Keras model name.")
  var model: String?
}

/// `--json`.
struct JSONOption: ParsableArguments {
  @Flag(help: "Print JSON instead of text.")
  var json = false
}

/// `--threads N` of the forward pass.
struct ThreadsOption: ParsableArguments {
  @Option(help: "Threads for the kernels (default: every core).")
  var threads: Int?

  func validate() throws {
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
  }

  var count: Int { threads ?? CommandDefaults.threadCount }
}

/// `--memory-budget BYTES` of the forward pass.
struct MemoryBudgetOptionGroup: ParsableArguments {
  @Option(
    name: .customLong("memory-budget"),
    help: "Largest estimated weights + activations in bytes (suffixes K, M, G allowed).")
  var memoryBudget: String = String(CommandDefaults.memoryBudget)

  func validate() throws {
    guard MemoryBudgetOption.parse(memoryBudget) != nil else {
      throw ValidationError(
        "--memory-budget must be a positive number of bytes, such as 2147483648 or 2G")
    }
  }

  /// Validated by `validate()`.
  var bytes: Int { MemoryBudgetOption.parse(memoryBudget)! }
}
