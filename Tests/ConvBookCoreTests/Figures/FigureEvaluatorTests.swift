import CNNEngine
import ConvBookCore
import Foundation
import Testing

@Suite struct FigureEvaluatorTests {
  @Test func figureBlocksBecomeFiguresOfTheirKind() {
    let run = FigureLessons.run(
      """
      ```figure
      trace(wide)
      ```

      ```figure
      adjacency(wide, caption="Rows are far apart.")
      ```

      ```figure
      compare(wide, pooled)
      ```

      ```figure
      scaling(wide, pooled, sizes=[16, 32, 64])
      ```

      """)
    #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map { $0.formatted() })")
    let figures = FigureLessons.figures(run)
    #expect(
      figures.map(\.kind) == [
        "convbook-trace", "convbook-adjacency", "convbook-compare", "convbook-scaling",
      ])
    #expect(
      figures.allSatisfy { $0.error == nil && $0.html.hasPrefix("<figure class=\"\($0.kind)\"") })
    // (60, 90, 3) -> (58, 88, 8) -> (29, 44, 8): vertical neighbours W*C = 352 apart.
    #expect(figures[1].html.contains("D is 352 entries after A"))
    #expect(figures[1].html.contains("Rows are far apart."))
  }

  @Test func channelsFirstFigureStatesW() {
    let run = FigureLessons.run("```figure\nadjacency(nchw)\n```\n")
    let html = FigureLessons.figures(run)[0].html
    #expect(html.contains("D is 48 entries after A"))
    #expect(html.contains("(c*H + h)*W + w"))
  }

  @Test func unknownModelIsADiagnosticAtItsLine() throws {
    let run = FigureLessons.run("Text.\n\n```figure\ntrace(missing_model)\n```\n")
    let diagnostic = try #require(run.diagnostics.first)
    #expect(diagnostic.message.contains("no model named 'missing_model'"))
    #expect(diagnostic.message.contains("wide (wide)"))
    let lines =
      ("# Figures\n\n" + FigureLessons.models + "Text.\n\n```figure\ntrace(missing_model)\n```\n")
      .split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[diagnostic.line - 1] == "trace(missing_model)")
    #expect(diagnostic.column == 7)
    #expect(diagnostic.excerpt?.caret == "      ^^^^^^^^^^^^^")
    #expect(FigureLessons.figures(run)[0].error != nil)
  }

  @Test func unknownFigureKindPointsAtTheName() throws {
    let run = FigureLessons.run("```figure\nhistogram(wide)\n```\n")
    let diagnostic = try #require(run.diagnostics.first)
    #expect(diagnostic.message.contains("unknown figure 'histogram'"))
    #expect(diagnostic.column == 1)
    #expect(diagnostic.excerpt?.caret == "^^^^^^^^^")
  }

  @Test func malformedBlocksAreDiagnostics() {
    for text in [
      "trace(wide", "wide", "trace()", "compare(wide)", "scaling(wide, sizes=[0])",
      "trace(wide, size=3)", "x = 1",
    ] {
      let run = FigureLessons.run("```figure\n\(text)\n```\n")
      #expect(run.diagnostics.count == 1, "\(text)")
      #expect(FigureLessons.figures(run).first?.error != nil, "\(text)")
    }
  }

  /// A range or list of more sizes than a chart draws is refused at its argument, before the
  /// range is made: `range(10**9)` ran until the lesson's processor limit stopped it.
  @Test func tooManyScalingSizesAreRefusedAtTheArgument() throws {
    for (text, count) in [
      ("scaling(wide, sizes=range(10**9))", "1000000000"),
      ("scaling(wide, sizes=range(2**63 - 1, -2**63, -1))", "more than 9223372036854775807"),
      ("scaling(wide, sizes=list(range(1, 1002)))", "1001"),
    ] {
      let run = FigureLessons.run("```figure\n\(text)\n```\n")
      let diagnostic = try #require(run.diagnostics.first)
      #expect(
        diagnostic.message.hasSuffix(
          "sizes= holds \(count) sizes; a scaling figure draws at most 1000"), "\(text)")
      #expect(diagnostic.column == 21)
    }
    #expect(
      FigureLessons.run("```figure\nscaling(wide, sizes=range(16, 48, 8))\n```\n").diagnostics
        .isEmpty)
  }

  /// The page says so and shows the pooling path; the lesson still reports the problem at its line.
  @Test func adjacencyWithoutFlattenShowsThePoolingPath() throws {
    let run = FigureLessons.run("```figure\nadjacency(pooled)\n```\n")
    let diagnostic = try #require(run.diagnostics.first)
    #expect(diagnostic.message.contains("model 'pooled' has no Flatten layer"))
    #expect(diagnostic.excerpt?.line == "adjacency(pooled)")
    let figure = FigureLessons.figures(run)[0]
    #expect(figure.error == nil)
    #expect(figure.html.contains("class=\"convbook-adjacency\""))
    #expect(figure.html.contains("pooled has no Flatten layer"))
    #expect(figure.html.contains("8 values"))
  }

  @Test func figuresSeeOnlyModelsDefinedAboveThem() throws {
    let run = FigureLessons.run(
      "```figure\ntrace(later)\n```\n\n```keras\nlater = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2)])\n```\n"
    )
    #expect(run.diagnostics.first?.message.contains("no model named 'later'") == true)
  }
}
