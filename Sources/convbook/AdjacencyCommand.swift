import ArgumentParser
import CNNEngine
import ConvBookCore
import Foundation

struct AdjacencyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "adjacency",
    abstract:
      "Show where neighbouring positions land when a model's Flatten turns its feature map into a vector.",
    discussion: """
      For the tensor entering the first Flatten, (H, W, C) in channels-last layout, prints \
      index(h, w, c) = (h*W + w)*C + c for a position and its right-hand and lower neighbours, the \
      distances (C and W*C entries), the vector's length, the weights of the Dense layer that reads \
      it, and a small picture of the grid and the vector. A channels-first tensor that Flatten reads \
      as it is gives (c*H + h)*W + w instead. Without --model, every model with a Flatten layer is \
      shown. Exits with 1 when the model has no Flatten layer (the message says what its global \
      pooling does instead) or the file has errors, 2 for usage errors.
      """)

  @Argument(help: "A lesson (.md) or Keras script (.py).")
  var file: String

  @Option(help: "Only this model: a variable name or a Keras model name.")
  var model: String?

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let loaded = try CommandSupport.load(file, keras: keras.setting)
    let models = CommandSupport.selectModels(loaded, names: model.map { [$0] } ?? [])
    var results: [FlatteningAdjacency] = []
    var failures: [String] = []
    for candidate in models {
      do {
        results.append(try FlatteningAdjacency(model: candidate))
      } catch {
        // Without --model, models that never flatten are simply not part of the answer.
        if case .noFlatten = error, model == nil, models.count > 1 { continue }
        failures.append(error.description)
      }
    }
    if results.isEmpty && failures.isEmpty {
      failures.append("no model in \(file) has a Flatten layer")
    }
    if json {
      Terminal.output(JSONValue.array(results.map(AdjacencyReport.json)).serialized(pretty: true))
    } else {
      Terminal.output(results.map(AdjacencyReport.text).joined(separator: "\n"), terminator: "")
    }
    Terminal.printDiagnostics(loaded.diagnostics)
    for failure in failures { Terminal.error("convbook: \(TerminalText.escaped(failure))\n") }
    if !failures.isEmpty || !loaded.diagnostics.isEmpty { throw ExitCode(1) }
  }
}
