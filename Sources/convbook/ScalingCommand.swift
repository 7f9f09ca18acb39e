import ArgumentParser
import ConvBookCore
import Foundation

struct ScalingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scaling",
    abstract: "Show how parameters and multiply-accumulates grow as a model's square input grows.",
    discussion: """
      Replays each model's layers on square inputs of the given sides (the models are not changed). \
      A size a model cannot take, where a dimension would drop to zero or below, is reported as \
      invalid with the reason, not as a failure. Without --model, every model the file defines is \
      shown. Exits with 1 when the file has errors, 2 for usage errors.
      """)

  @OptionGroup var file: ModelFileArgument

  @Option(name: .customLong("model"), help: "A model to include (repeatable); default: all.")
  var models: [String] = []

  @Option(parsing: .unconditional, help: "Input sides in pixels, comma-separated.")
  var sizes: String = ModelCommands.defaultScalingSizes.map(String.init).joined(separator: ",")

  @OptionGroup var json: JSONOption

  func validate() throws {
    _ = try parsedSizes()
  }

  func parsedSizes() throws -> [Int] {
    let parts = sizes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let values = parts.compactMap { Int($0) }
    guard !parts.isEmpty, values.count == parts.count, values.allSatisfy({ $0 > 0 }) else {
      throw ValidationError(
        "--sizes must be positive whole numbers separated by commas, such as 32,64,128")
    }
    return values
  }

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let loaded = try CommandSupport.load(file.file, keras: keras.setting)
    let sizes = try parsedSizes()
    try CommandSupport.print(
      CommandSupport.run {
        try ModelCommands.scaling(loaded, models: models, sizes: sizes, json: json.json)
      })
  }
}
