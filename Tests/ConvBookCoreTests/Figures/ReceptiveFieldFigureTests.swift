import CNNEngine
import ConvBookCore
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The receptive field figure: the interval one output reads, walked back through valid and same
/// convolutions, normalization and pooling, and the per-layer growth r = r + (e − 1)·j.
@Suite struct ReceptiveFieldFigureTests {
  static let models = """
    ```keras
    t = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(8, 3, name="c1"), layers.BatchNormalization(name="bn"), layers.MaxPooling2D(2, name="p1"), layers.Conv2D(8, 3, padding="same", name="c2"), layers.MaxPooling2D(2, name="p2"), layers.Flatten(name="flat"), layers.Dense(10, name="out")], name="t")
    ```

    """

  static func run(_ call: String) -> (html: String, diagnostics: [String]) {
    let run = FigureLessons.run(Self.models + "```figure\n" + call + "\n```\n")
    return (
      FigureLessons.figures(run).first?.html ?? "", run.diagnostics.map(\.message)
    )
  }

  @Test func middleOfTheLastMapReadsATenPixelField() throws {
    let (html, diagnostics) = Self.run("receptive_field(t)")
    #expect(diagnostics.isEmpty)
    // p2 (2, 2) ← c2 [4, 5] ← p1 [3, 6] ← c1 [6, 13] ← input [6, 15].
    #expect(
      html.contains(
        "Output (2, 2) of p2 reads input rows 6…15, columns 6…15 of the 28×28 input: a 10×10 field."
      ))
    #expect(html.contains("8 + (2 − 1)·2 = 10"))
    let start = try #require(html.range(of: "<svg"))
    let end = try #require(html.range(of: "</svg>"))
    #expect(XMLParser(data: Data(html[start.lowerBound..<end.upperBound].utf8)).parse())
    try ReportGolden.check(html, named: "receptive-field.html")
  }

  @Test func paddingReachesBeyondTheImage() {
    let (html, _) = Self.run("receptive_field(t, layer=\"c2\", position=(0, 0))")
    #expect(
      html.contains(
        "reads input rows -2…5, columns -2…5 of the 28×28 input: a 8×8 field, part of it beyond the image (padding)."
      ))
  }

  @Test func layersWithoutPositionsAreRefused() {
    #expect(
      Self.run("receptive_field(t, layer=\"out\")").diagnostics.contains {
        $0.contains("'out' (Dense) has no spatial positions")
      })
    #expect(
      Self.run("receptive_field(t, layer=\"c1\", position=(30, 0))").diagnostics.contains {
        $0.contains("outside the layer's output (26, 26)")
      })
    #expect(
      Self.run("receptive_field(t, layer=\"nope\")").diagnostics.contains {
        $0.contains("no layer named 'nope'")
      })
  }

  /// Strides of 2**30 three times: the jump passes 64 bits, which crashed the figure (hostile
  /// batch9 had 2**40, which tf-keras itself refuses); refused where it overflows.
  @Test func fieldsPast64BitsAreRefused() {
    let models = """
      ```keras
      i = keras.Input((4, 4, 1))
      x = i
      for k in range(3):
          x = layers.Conv2D(1, 3, strides=2**30, padding="same", name=f"s{k}")(x)
      jumps = keras.Model(i, x, name="jumps")
      ```

      ```figure
      receptive_field(jumps)
      ```

      """
    let run = FigureLessons.run(models)
    // The jump between neighbouring fields reaches 2**90 at the third layer.
    #expect(
      run.diagnostics.map(\.message) == [
        "ConvBook cannot draw this receptive field: through 's2' its window, size or jump would pass 64-bit integers"
      ])
  }
}
