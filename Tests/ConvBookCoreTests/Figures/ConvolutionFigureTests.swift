import CNNEngine
import ConvBookCore
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The convolution figure: the window arithmetic of a layer from its real settings (same padding
/// with a stride, dilation, pooling, transposed), drawn as well-formed SVG with a title and desc.
@Suite struct ConvolutionFigureTests {
  static let models = """
    ```keras
    m = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.Conv2D(8, 3, strides=2, padding="same", name="down"), layers.MaxPooling2D(2, name="pool"), layers.Conv2D(4, 3, dilation_rate=2, name="dilated"), layers.Conv2DTranspose(4, 3, strides=2, name="up")], name="m")
    ```

    """

  static func figure(_ call: String) throws -> String {
    let run = FigureLessons.run(Self.models + "```figure\n" + call + "\n```\n")
    #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map { $0.formatted() })")
    let figure = try #require(FigureLessons.figures(run).first)
    #expect(figure.kind == "convbook-convolution")
    return figure.html
  }

  static func wellFormedSVG(_ html: String) throws {
    let start = try #require(html.range(of: "<svg"))
    let end = try #require(html.range(of: "</svg>"))
    let svg = String(html[start.lowerBound..<end.upperBound])
    #expect(XMLParser(data: Data(svg.utf8)).parse())
    #expect(svg.contains("<title id=") && svg.contains("<desc id="))
  }

  @Test func stridedSamePaddingOnTheFirstConvolution() throws {
    let html = try Self.figure("convolution(m)")
    try Self.wellFormedSVG(html)
    // 7 pixels, stride 2, kernel 3: ceil(7 / 2) = 4 outputs; (4 - 1)·2 + 3 - 7 = 2 zeros, 1 each side.
    #expect(
      html.contains("On a 7×7 input it gives a 4×4 output, padding 1×1 before and 1×1 after."))
    #expect(html.contains("⌈n / s⌉ = ⌈7 / 2⌉ = 4"))
    #expect(html.contains("rows 0–1 (+1 zero) × columns 0–1 (+1 zero)"))
    #expect(html.contains("On its real input (None, 32, 32, 3) it gives (None, 16, 16, 8)."))
    try ReportGolden.check(html, named: "convolution-strided-same.html")
  }

  @Test func dilationSpacesTheTaps() throws {
    let html = try Self.figure("convolution(m.layers[2], size=7)")
    #expect(html.contains("dilation 2×2. On a 7×7 input it gives a 3×3 output."))
    #expect(html.contains("rows 0, 2, 4 × columns 0, 2, 4"))
    #expect(html.contains("⌊(n − e) / s⌋ + 1 = ⌊(7 − 5) / 1⌋ + 1 = 3"))
  }

  @Test func poolingByName() throws {
    let html = try Self.figure("convolution(m, layer=\"pool\", size=6)")
    #expect(
      html.contains("pool 2×2, stride 2×2, padding valid. On a 6×6 input it gives a 3×3 output."))
  }

  @Test func transposedIsTheDirectConvolutionOfTheZeroInsertedInput() throws {
    let html = try Self.figure("convolution(m, layer=\"up\")")
    try Self.wellFormedSVG(html)
    // 4 pixels, stride 2, kernel 3, valid: 4·2 + max(3 − 2, 0) = 9, as Keras gives.
    #expect(html.contains("On a 4×4 input it gives a 9×9 output, padding 2×2 before and 2×2 after"))
    #expect(html.contains("n·s + max(k − s, 0) = 4·2 + max(3 − 2, 0) = 9"))
    #expect(html.contains("it gives (None, 9, 9, 4)."))
  }

  /// Layers built on nothing may hold any window or stride: sides past 64 bits crashed the
  /// figure's arithmetic (hostile batch9); beyond what a drawing holds it is refused.
  @Test(arguments: [
    "layers.Conv2D(1, 3, dilation_rate=2**62)", "layers.Conv2D(1, 3, strides=2**62)",
    "layers.Conv2DTranspose(1, 3, strides=2**62)", "layers.MaxPooling2D(2**62)",
    "layers.Conv2D(1, 2**62)", "layers.Conv1D(1, 49)",
  ])
  func hugeWindowsAndStridesAreRefused(layer: String) {
    let run = FigureLessons.run(
      Self.models + "```keras\nodd = \(layer)\n```\n\n```figure\nconvolution(odd)\n```\n")
    #expect(
      run.diagnostics.contains {
        $0.message.hasPrefix("ConvBook does not draw windows or strides wider than 48 pixels yet")
      }, "\(layer): \(run.diagnostics.map(\.message))")
  }

  /// A 21-pixel window that no grid of at most 12 pixels holds without padding: no size= to
  /// ask for (hostile batch9: the message asked for a larger one).
  @Test func windowsWiderThanAnyGridSaySo() {
    let run = FigureLessons.run(
      Self.models
        + "```keras\ni = keras.Input((64, 64, 1))\nwide = keras.Model(i, layers.Conv2D(1, 3, dilation_rate=10, name=\"spread\")(i))\n```\n\n```figure\nconvolution(wide)\n```\n"
    )
    #expect(
      run.diagnostics.map(\.message) == [
        "a 12-pixel grid leaves no room for the 21-pixel window of 'spread' without padding, and ConvBook draws grids of at most 12 input pixels"
      ])
  }

  @Test func problemsAreDiagnosticsAtTheBlock() throws {
    for (call, message) in [
      ("convolution(m, layer=\"nope\")", "No such layer: nope."),
      ("convolution(m, size=40)", "size= must be between 1 and 12"),
      ("convolution(m.layers[2], size=2)", "leaves no room for the 5-pixel window"),
      ("convolution()", "convolution() takes a layer or a model"),
    ] {
      let run = FigureLessons.run(Self.models + "```figure\n" + call + "\n```\n")
      #expect(
        run.diagnostics.contains { $0.message.contains(message) },
        "\(call): \(run.diagnostics.map(\.message))")
    }
  }
}
