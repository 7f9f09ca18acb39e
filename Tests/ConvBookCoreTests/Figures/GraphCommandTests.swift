import ConvBookCore
import Foundation
import LessonRender
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `convbook graph`: in process (`ModelCommands.graph`) and through the executable. The SVG is
/// the lesson figure's drawing; the JSON lists the same nodes and edges.
@Suite struct GraphCommandTests {
  static let residual = """
    from tensorflow import keras
    from tensorflow.keras import layers
    inputs = keras.Input(shape=(16, 16, 8))
    x = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
    y = layers.Conv2D(8, 3, padding="same")(x)
    z = layers.add([x, y])
    block = keras.Sequential([layers.Conv2D(8, 1), layers.ReLU()], name="block")
    w = block(z)
    c = layers.Concatenate()([w, z])
    outputs = layers.Dense(3)(layers.GlobalAveragePooling2D()(c))
    model = keras.Model(inputs, outputs)
    """

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-graph-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func load(_ source: String, in dir: URL, name: String = "m.py") throws -> ModelFile {
    let path = dir.appendingPathComponent(name).path
    try source.write(toFile: path, atomically: true, encoding: .utf8)
    return try ModelFile.load(path: path)
  }

  static func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func jsonListsNodesAndEdgesInDataFlowOrder() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try Self.load(Self.residual, in: dir)
    let report = try ModelCommands.graph(
      file, model: nil, json: true, expandNested: false, outputPath: nil)
    #expect(!report.failed)
    let json = try Self.object(report.output)
    #expect(json["keras_version"] as? Int == 3)
    #expect(json["model"] as? String == "functional")
    let nodes = try #require(json["nodes"] as? [[String: Any]])
    #expect(
      nodes.map { $0["name"] as? String } == [
        "input_layer", "conv2d", "conv2d_1", "add", "block", "concatenate",
        "global_average_pooling2d", "dense",
      ])
    let add = nodes[3]
    #expect(add["class"] as? String == "Add" && add["role"] as? String == "merge")
    #expect(add["inputs"] as? [String] == ["conv2d", "conv2d_1"])
    #expect(add["output_shape"] as? String == "(None, 16, 16, 8)")
    #expect(nodes[1]["params"] as? Int == 8 * 9 * 8 + 8)
    #expect(nodes[4]["nested"] as? Int == 2 && nodes[4]["role"] as? String == "model")
    #expect(nodes[7]["is_output"] as? Bool == true)
    let edges = try #require(json["edges"] as? [[String: String]])
    #expect(edges.count == 9)
    #expect(edges[2] == ["from": "conv2d", "to": "add"])
    #expect(edges[3] == ["from": "conv2d_1", "to": "add"])
  }

  @Test func expandNestedDrawsTheNestedModelsLayers() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try Self.load(Self.residual, in: dir)
    let report = try ModelCommands.graph(
      file, model: "model", json: true, expandNested: true, outputPath: nil)
    let nodes = try #require(try Self.object(report.output)["nodes"] as? [[String: Any]])
    #expect(nodes.count == 9)
    #expect(nodes[4]["name"] as? String == "conv2d_2" && nodes[4]["in_model"] as? String == "block")
    #expect(nodes[4]["inputs"] as? [String] == ["add"])
    #expect(
      nodes[5]["name"] as? String == "re_lu" && nodes[5]["inputs"] as? [String] == ["conv2d_2"])
    #expect(nodes[6]["inputs"] as? [String] == ["re_lu", "add"])
    let svg = try ModelCommands.graph(
      file, model: nil, json: false, expandNested: true, outputPath: nil
    ).output
    #expect(svg.contains("Conv2D in block"))
  }

  @Test func svgIsTheFigureDrawingStandingAlone() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try Self.load(Self.residual, in: dir)
    let svg = try ModelCommands.graph(
      file, model: nil, json: false, expandNested: false, outputPath: nil
    ).output
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns="))
    #expect(svg.hasSuffix("</svg>\n"))
    let parser = XMLParser(data: Data(svg.utf8))
    #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
    // Natural size and a background of its own; the merges drawn with their badges.
    #expect(svg.contains("width=\"") && !svg.contains("width=\"100%\" role"))
    #expect(svg.contains(">+</text>") && svg.contains(">‖</text>"))
    #expect(svg.contains("add (Add) adds conv2d and conv2d_1"))
    // The same drawing as the lesson figure of the same model.
    let lesson = "# G\n\n```keras\n\(Self.residual)\n```\n\n```figure\ngraph(model)\n```\n"
    let run = try Self.load(lesson, in: dir, name: "g.md")
    #expect(run.diagnostics.isEmpty)
    let lessonRun = LessonRunner(figureEvaluator: FigureEvaluator())
      .run(run.lesson!, sourceFile: "g.md")
    let figure = try #require(
      lessonRun.blocks.compactMap { block -> String? in
        if case .figure(let view) = block { return FigureRenderer.html(view) }
        return nil
      }.first)
    func boxes(_ text: String) -> [Substring] {
      text.split(separator: "\n").filter { $0.hasPrefix("<rect") || $0.hasPrefix("<path") }
    }
    #expect(!boxes(svg).isEmpty && boxes(svg).dropFirst() == boxes(figure)[...])
  }

  @Test func outWritesAtomicallyAndRefusesTheInput() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try Self.load(Self.residual, in: dir)
    let out = dir.appendingPathComponent("g.svg").path
    let report = try ModelCommands.graph(
      file, model: nil, json: false, expandNested: false, outputPath: out)
    #expect(report.output == "wrote \(out): functional, 8 nodes, 2 merges\n")
    let written = try String(contentsOfFile: out, encoding: .utf8)
    #expect(written.hasSuffix("</svg>\n"))
    #expect(
      (try? FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()) == [
        "g.svg", "m.py",
      ])
    do {
      _ = try ModelCommands.graph(
        file, model: nil, json: false, expandNested: false, outputPath: file.path)
      Issue.record("writing over the input was not refused")
    } catch {
      #expect(error.isUsageError && error.message.contains("it is the input"))
    }
    do {
      _ = try ModelCommands.graph(
        file, model: "nope", json: false, expandNested: false, outputPath: nil)
      Issue.record("an unknown model was not refused")
    } catch {
      #expect(error.isUsageError && error.message.contains("no model named 'nope'"))
    }
  }

  @Test(
    .enabled(if: CheckCommandLineTests.executable != nil, "the convbook executable is not built"))
  func throughTheExecutable() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("m.py").path
    try Self.residual.write(toFile: script, atomically: true, encoding: .utf8)
    let svg = try CheckCommandLineTests.run(["graph", script])
    #expect(svg.status == 0 && svg.output.hasSuffix("</svg>\n") && svg.errors.isEmpty)
    let json = try CheckCommandLineTests.run(["graph", script, "--json", "--keras", "2"])
    #expect(json.status == 0)
    #expect(try Self.object(json.output)["keras_version"] as? Int == 2)
    let out = dir.appendingPathComponent("m.svg").path
    let written = try CheckCommandLineTests.run(["graph", script, "--out", out])
    #expect(written.status == 0 && written.output.hasPrefix("wrote "))
    #expect(try String(contentsOfFile: out, encoding: .utf8) == svg.output)
    #expect(try CheckCommandLineTests.run(["graph", script, "--model", "nope"]).status == 2)
    try "x = (\n".write(toFile: script, atomically: true, encoding: .utf8)
    let broken = try CheckCommandLineTests.run(["graph", script])
    #expect(broken.status == 1 && broken.errors.contains("m.py:1"))
  }
}
