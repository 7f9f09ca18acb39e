import CNNEngine
import ConvBookCore
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The graph figure from lessons: a residual block's SVG parses, names the add and draws both of
/// its inputs' arrows; a chain is one column; a nested model is one box. The residual page's figure
/// is also compared whole with a golden file.
@Suite struct GraphFigureTests {
  static let residual = """
    ```keras
    inputs = keras.Input(shape=(16, 16, 8))
    x = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
    x = layers.Conv2D(8, 3, padding="same")(x)
    x = layers.add([x, inputs])
    outputs = layers.ReLU()(x)
    block = keras.Model(inputs, outputs, name="block")
    ```

    ```figure
    graph(block, caption="A residual block.")
    ```

    """

  static func figure(_ body: String) throws -> String {
    let run = FigureLessons.run(body)
    #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map { $0.formatted() })")
    let figure = try #require(FigureLessons.figures(run).first)
    #expect(figure.kind == "convbook-graph")
    #expect(figure.error == nil)
    return figure.html
  }

  /// The `<svg>` element of a figure.
  static func svg(_ html: String) throws -> String {
    let start = try #require(html.range(of: "<svg"))
    let end = try #require(html.range(of: "</svg>"))
    return String(html[start.lowerBound..<end.upperBound])
  }

  @Test func residualBlockShowsTheAdd() throws {
    let html = try Self.figure(Self.residual)
    let svg = try Self.svg(html)
    let parser = XMLParser(data: Data(svg.utf8))
    #expect(parser.parse(), "the SVG is not well-formed: \(String(describing: parser.parserError))")
    #expect(
      svg.contains("<title id=\"fig-35-graph-block-title\">Layer graph of model block</title>"))
    #expect(svg.contains("add (Add) adds conv2d_4 and input_4"))
    // The add's box, its badge and the two arrows that end on it (drawn in the merge colour).
    #expect(svg.contains(">add</text>"))
    #expect(svg.contains(">+</text>"))
    let mergeArrows = svg.components(
      separatedBy: "fill=\"#d55e00\" stroke=\"#d55e00\" stroke-width=\"1\"")
    #expect(mergeArrows.count - 1 == 2)
    #expect(html.contains("A residual block."))
    #expect(html.contains("<div class=\"figure-scroll\">"))
    try ReportGolden.check(html, named: "graph-residual.html")
  }

  @Test func residualLayoutPutsTheSkipBesideTheChain() throws {
    let model = try #require(FigureLessons.run(Self.residual).session.model(named: "block"))
    let graph = try LayerGraph(model: model)
    #expect(graph.nodes.map(\.name) == ["input_4", "conv2d_3", "conv2d_4", "add", "re_lu"])
    #expect(graph.nodes.map(\.role) == [.input, .layer, .layer, .merge, .layer])
    #expect(graph.nodes[3].inputs == [2, 0])
    #expect(graph.ranks == [0, 1, 2, 3, 4])
    #expect(!graph.isChain)
    #expect(graph.nodes[4].isOutput && !graph.nodes[3].isOutput)
  }

  @Test func chainIsOneColumn() throws {
    let html = try Self.figure("```figure\ngraph(wide)\n```\n")
    #expect(html.contains("wide: 4 layer calls in one chain, from input_1 to dense."))
    // One column: every box starts at the same x.
    let svg = try Self.svg(html)
    let xs = Set(
      svg.components(separatedBy: "<rect x=\"").dropFirst().map { $0.prefix { $0 != "\"" } })
    #expect(xs == ["12"])
  }

  @Test func nestedModelIsOneBox() throws {
    let html = try Self.figure(
      """
      ```keras
      augment = keras.Sequential([layers.RandomFlip("horizontal"), layers.RandomRotation(0.1)], name="augment")
      inputs = keras.Input(shape=(32, 32, 3))
      x = augment(inputs)
      x = layers.Conv2D(4, 3)(x)
      outputs = layers.GlobalAveragePooling2D()(x)
      outer = keras.Model(inputs, outputs, name="outer")
      ```

      ```figure
      graph(outer)
      ```

      """)
    #expect(html.contains("augment is a Sequential, 2 layers model used as one layer."))
    #expect(!html.contains(">random_flip</text>"))
  }

  @Test func inceptionBranchesStandSideBySide() throws {
    let html = try Self.figure(
      """
      ```keras
      inputs = keras.Input(shape=(8, 8, 4))
      a = layers.Conv2D(2, 1)(inputs)
      b = layers.Conv2D(2, 3, padding="same")(inputs)
      b = layers.Conv2D(2, 3, padding="same")(b)
      c = layers.MaxPooling2D(3, strides=1, padding="same")(inputs)
      merged = layers.Concatenate()([a, b, c])
      inception = keras.Model(inputs, merged, name="inception")
      ```

      ```figure
      graph(inception)
      ```

      """)
    #expect(
      html.contains("concatenate (Concatenate) concatenates conv2d_3, conv2d_5 and max_pooling2d_1")
    )
    let svg = try Self.svg(html)
    #expect(XMLParser(data: Data(svg.utf8)).parse())
    // Three branches side by side: wider than one column, so it may scroll on a phone.
    #expect(svg.contains("min-width: "))
  }

  @Test func sameModelGivesSameBytes() throws {
    #expect(try Self.figure(Self.residual) == Self.figure(Self.residual))
  }
}
