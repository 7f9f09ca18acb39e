import ArgumentParser
import ConvBookCore

// Options that several commands share, declared once.

/// A number as typed after its option, read by the command's `validate()`. The parser takes the
/// next word whatever it is (`parsing: .unconditional`): to it `-1` looks like an option, so
/// `--threads -1` would be "Missing value" with the option's help, and `--threads abc` "invalid"
/// with it. Read here, every value that does not fit gets one line naming the option and what it
/// takes, as swift-argument-parser prints a `ValidationError` ("--threads must be a whole number
/// of at least 1"), the usage after it.
struct OptionNumber<Number: LosslessStringConvertible>: ExpressibleByArgument,
  CustomStringConvertible
{
  let text: String

  init(argument: String) { text = argument }
  init(_ number: Number) { text = String(number) }

  var description: String { text }

  /// The number, or what `option` takes (`requirement`, such as "a whole number of at least 1")
  /// when the text is no `Number` or `accepts` refuses it.
  func value(of option: String, _ requirement: String, accepts: (Number) -> Bool = { _ in true })
    throws -> Number
  {
    guard let number = Number(text), accepts(number) else {
      throw ValidationError("\(option) must be \(requirement)")
    }
    return number
  }
}

extension OptionNumber where Number == Int {
  /// A whole number from `lowest` (and at most `highest`).
  func count(of option: String, atLeast lowest: Int, atMost highest: Int = .max) throws -> Int {
    let requirement =
      highest == .max
      ? "a whole number of at least \(lowest)" : "a whole number from \(lowest) to \(highest)"
    return try value(of: option, requirement) { $0 >= lowest && $0 <= highest }
  }

  /// The number `validate()` accepted.
  var validated: Int { Int(text)! }
}

extension OptionNumber where Number == Double {
  /// The number `validate()` accepted.
  var validated: Double { Double(text)! }
}

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

/// `--threads N` of the forward pass and training.
struct ThreadsOption: ParsableArguments {
  @Option(parsing: .unconditional, help: "Threads for the kernels (default: every core).")
  var threads: OptionNumber<Int>?

  func validate() throws {
    _ = try threads?.count(of: "--threads", atLeast: 1)
  }

  var count: Int { threads?.validated ?? CommandDefaults.threadCount }
}

/// `--seed N` of ConvBook's random draws.
struct SeedOption: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help:
      "Seed of ConvBook's random draws: initial weights, the seeded input, shuffling and dropout masks."
  )
  var seed = OptionNumber<UInt64>(0)

  func validate() throws {
    _ = try seed.value(of: "--seed", "a whole number from 0 to \(UInt64.max)")
  }

  /// Validated by `validate()`.
  var value: UInt64 { UInt64(seed.text)! }
}

/// `--memory-budget BYTES` of the forward pass and training.
struct MemoryBudgetOptionGroup: ParsableArguments {
  @Option(
    name: .customLong("memory-budget"), parsing: .unconditional,
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

/// `--lesson-timeout SECONDS` of `build` and `verify`.
struct LessonTimeoutOption: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: "Processor seconds one lesson may use before it is stopped and reported as failing.")
  var lessonTimeout = OptionNumber<Double>(LessonIsolation.defaultTimeout)

  func validate() throws {
    _ = try lessonTimeout.value(of: "--lesson-timeout", "a positive number of seconds") { $0 > 0 }
  }

  /// Validated by `validate()`.
  var seconds: Double { lessonTimeout.validated }
}
