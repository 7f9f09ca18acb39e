import ArgumentParser
import CNNEngine
import ConvBookCore
import Foundation

struct TraceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trace",
    abstract:
      "Print a model's shape trace: every layer's output shape, values, activation memory, parameters and MACs, and what a real forward pass put in each layer's output.",
    discussion: """
      FILE is a lesson (.md) or a Keras script (.py). Without --model, every model the file defines \
      is traced. Rows marked '<-' are where the layout is flattened or the values or parameters jump. \
      Min, Mean, Max and Zeros (the share of exact zeros) come from one forward pass of a seeded \
      random input through seeded, untrained weights (Keras' default initialisers), the same numbers \
      a lesson page shows; ms is each layer's time in that pass, the only column that changes from \
      run to run. A model whose pass cannot run (over the memory budget, say) gets its shapes and a \
      note. Exits with 1 when the file has errors, 2 for usage errors.
      """)

  @Argument(help: "A lesson (.md) or Keras script (.py).")
  var file: String

  @Option(help: "Only this model: a variable name or a Keras model name.")
  var model: String?

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @Flag(help: "Shapes and counts only: skip the forward pass and its statistics.")
  var noStats = false

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let loaded = try CommandSupport.load(file, keras: keras.setting)
    let models = CommandSupport.selectModels(loaded, names: model.map { [$0] } ?? [])
    var traces: [ShapeTrace] = []
    var failures: [String] = []
    for model in models {
      do {
        var trace = try ShapeTrace(model: model)
        if !noStats { trace.measure(model) }
        traces.append(trace)
      } catch {
        failures.append(error.description)
      }
    }
    if json {
      Terminal.output(JSONValue.array(traces.map(TraceReport.json)).serialized(pretty: true))
    } else {
      Terminal.output(traces.map(TraceReport.text).joined(separator: "\n"), terminator: "")
    }
    Terminal.printDiagnostics(loaded.diagnostics)
    for failure in failures { Terminal.error("convbook: \(TerminalText.escaped(failure))\n") }
    if !failures.isEmpty || !loaded.diagnostics.isEmpty { throw ExitCode(1) }
  }
}
