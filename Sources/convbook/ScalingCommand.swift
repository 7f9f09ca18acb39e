import ArgumentParser
import CNNEngine
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

  @Argument(help: "A lesson (.md) or Keras script (.py).")
  var file: String

  @Option(name: .customLong("model"), help: "A model to include (repeatable); default: all.")
  var models: [String] = []

  @Option(help: "Input sides in pixels, comma-separated.")
  var sizes: String = ParameterScaling.defaultSizes.map(String.init).joined(separator: ",")

  @Flag(help: "Print JSON instead of text.")
  var json = false

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
    let loaded = try CommandSupport.load(file, keras: keras.setting)
    let selected = CommandSupport.selectModels(loaded, names: models)
    let scaling: ParameterScaling
    do {
      scaling = try ParameterScaling(models: selected, sizes: try parsedSizes())
    } catch let error as AnalysisError {
      Terminal.printDiagnostics(loaded.diagnostics)
      CommandFailure.input(error.description).exit()
    }
    if json {
      Terminal.output(ScalingReport.json(scaling).serialized(pretty: true))
    } else {
      Terminal.output(ScalingReport.text(scaling), terminator: "")
    }
    Terminal.printDiagnostics(loaded.diagnostics)
    if !loaded.diagnostics.isEmpty { throw ExitCode(1) }
  }
}
