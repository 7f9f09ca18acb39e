import ArgumentParser
import CNNEngine
import ConvBookCore
import Foundation

struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract:
      "Compare models side by side: parameters and where they sit, multiply-accumulates, activation memory.",
    discussion: """
      Without --model, compares every model the file defines (at least two). Ratios are given \
      against the model with the fewest parameters; "body" is everything before the first Flatten \
      or global pooling layer, "head" the rest. Exits with 1 when the file has errors or fewer than \
      two models, 2 for usage errors.
      """)

  @Argument(help: "A lesson (.md) or Keras script (.py).")
  var file: String

  @Option(
    name: .customLong("model"),
    help: "A model to compare (repeat: --model a --model b); default: all.")
  var models: [String] = []

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let loaded = try CommandSupport.load(file, keras: keras.setting)
    let selected = CommandSupport.selectModels(loaded, names: models)
    guard selected.count >= 2 else {
      Terminal.printDiagnostics(loaded.diagnostics)
      if !models.isEmpty {
        CommandFailure.usage("compare needs at least two models; name two with --model").exit()
      }
      CommandFailure.input(
        "compare needs at least two models; \(file) defines only \(selected[0].name)"
      ).exit()
    }
    let comparison: ModelComparison
    do {
      comparison = try ModelComparison(models: selected)
    } catch {
      Terminal.printDiagnostics(loaded.diagnostics)
      CommandFailure.input(error.description).exit()
    }
    if json {
      Terminal.output(ComparisonReport.json(comparison).serialized(pretty: true))
    } else {
      Terminal.output(ComparisonReport.text(comparison), terminator: "")
    }
    Terminal.printDiagnostics(loaded.diagnostics)
    if !loaded.diagnostics.isEmpty { throw ExitCode(1) }
  }
}
