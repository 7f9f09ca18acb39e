import CNNEngine
import Foundation
import LessonRender

extension ModelCommands {
  /// `convbook graph`: one model's layer graph, as the lesson figure `graph(model)` draws it (a
  /// standalone SVG) or, with `json`, its nodes and edges. The model is the one `--model` names,
  /// else the one `predict` would run (`ForwardModelChoice`). With `outputPath`, the SVG (or
  /// JSON) is written there atomically and the report says what was written.
  public static func graph(
    _ loaded: ModelFile, model name: String?, json: Bool, expandNested: Bool, outputPath: String?
  ) throws(CommandError) -> CommandReport {
    if let outputPath {
      do throws(AtomicFileWriter.OutputError) {
        try AtomicFileWriter.checkTarget(outputPath, inputs: [loaded.path])
      } catch {
        throw CommandError(error.message, isUsageError: error.isUsageError)
      }
    }
    let model: KerasModel
    do throws(ForwardCommandError) {
      model = try ForwardModelChoice.choose(loaded, name: name)
    } catch {
      throw CommandError(
        error.message, isUsageError: error.isUsageError && loaded.diagnostics.isEmpty,
        diagnostics: loaded.diagnostics)
    }
    let graph: LayerGraph
    do {
      graph = try LayerGraph(model: model, expandNested: expandNested)
    } catch {
      throw .input(error.description, diagnostics: loaded.diagnostics)
    }
    let text =
      json
      ? GraphReport.json(graph).taggedWithKerasVersion(loaded.session.kerasVersion)
        .serialized(pretty: true) + "\n"
      : GraphFigure.standaloneSVG(graph)
    guard let outputPath else {
      return CommandReport(output: text, diagnostics: loaded.diagnostics)
    }
    do throws(AtomicFileWriter.OutputError) {
      try AtomicFileWriter.write(Array(text.utf8), to: outputPath, inputs: [loaded.path])
    } catch {
      throw CommandError(error.message, isUsageError: error.isUsageError)
    }
    let merges = graph.nodes.filter { $0.role == .merge }.count
    return CommandReport(
      output:
        "wrote \(outputPath): \(graph.modelName), \(graph.nodes.count) nodes, \(merges) merge\(merges == 1 ? "" : "s")\n",
      diagnostics: loaded.diagnostics)
  }
}
