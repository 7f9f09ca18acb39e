import LessonKit
import Testing

@testable import LessonRender

@Suite("Rendering tables, math, callouts and lesson links")
struct MarkdownExtensionRenderingTests {
  static func html(_ markdown: String, rewriteLinks: Bool = false) -> String {
    var renderer = MarkdownHTMLRenderer(headingIDs: true, rewritesLessonLinks: rewriteLinks)
    return renderer.render(LessonReader.parseMarkdown(markdown, extensions: .lesson))
  }

  @Test func tableRendersWithAlignmentAndInlineMarkup() {
    let html = Self.html("| Layer | Params |\n|:--|--:|\n| *Conv* | 1 < 2 |\n")
    #expect(
      html == """
        <div class="table-scroll" role="region" tabindex="0">
        <table>
        <thead>
        <tr>
        <th style="text-align: left">Layer</th>
        <th style="text-align: right">Params</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td style="text-align: left"><em>Conv</em></td>
        <td style="text-align: right">1 &lt; 2</td>
        </tr>
        </tbody>
        </table>
        </div>

        """)
  }

  @Test func calloutHasATitle() {
    let html = Self.html("> [!WARNING]\n> Mind the **stride**.\n")
    #expect(
      html == """
        <div class="callout callout-warning" role="note">
        <p class="callout-title">Warning</p>
        <p>Mind the <strong>stride</strong>.</p>
        </div>

        """)
  }

  @Test func mathBecomesMathML() {
    let html = Self.html("Size $\\lfloor (H-k)/s \\rfloor + 1$.\n")
    #expect(
      html
        == "<p>Size <math><mrow><mo stretchy=\"false\">⌊</mo><mo stretchy=\"false\">(</mo><mi>H</mi><mo>−</mo><mi>k</mi><mo stretchy=\"false\">)</mo><mo>/</mo><mi>s</mi><mo stretchy=\"false\">⌋</mo><mo>+</mo><mn>1</mn></mrow></math>.</p>\n"
    )
  }

  @Test func mathErrorsShowInThePage() {
    let html = Self.html("Bad $\\int x$.\n")
    #expect(html.contains("class=\"math-error\""))
    #expect(html.contains("<code>\\int x</code>"))
  }

  @Test func lessonLinksPointAtPages() {
    let html = Self.html(
      "[next](02-padding.md#same-padding), [site](https://x.org/a.md), [img](img/a.png)\n",
      rewriteLinks: true)
    #expect(html.contains("href=\"02-padding.html#same-padding\""))
    #expect(html.contains("href=\"https://x.org/a.md\""))
    #expect(html.contains("href=\"img/a.png\""))
  }

  @Test func headingsAreCollectedForTheTableOfContents() {
    var renderer = MarkdownHTMLRenderer(headingIDs: true)
    _ = renderer.render(LessonReader.parseMarkdown("# A\n\n## B $x$\n"))
    _ = renderer.render(LessonReader.parseMarkdown("## B $x$\n"))
    #expect(renderer.headings.map(\.id) == ["a", "b-x", "b-x-1"])
  }
}

@Suite("TeX to MathML")
struct MathMLConverterTests {
  static func math(_ tex: String, display: Bool = false) throws -> String {
    try MathMLConverter.mathML(tex, isDisplay: display)
  }

  @Test func fractionsScriptsAndSymbols() throws {
    #expect(
      try Self.math("\\frac{a}{b}")
        == "<math><mrow><mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac></mrow></math>"
    )
    #expect(
      try Self.math("x_i^2")
        == "<math><mrow><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup></mrow></math>")
    #expect(
      try Self.math("3 \\times 3 \\cdot C")
        == "<math><mrow><mn>3</mn><mo>×</mo><mn>3</mn><mo>⋅</mo><mi>C</mi></mrow></math>")
    #expect(try Self.math("\\alpha\\Sigma").contains("<mi>α</mi><mi mathvariant=\"normal\">Σ</mi>"))
    #expect(try Self.math("\\text{params} = 10").contains("<mtext>params</mtext>"))
    #expect(try Self.math("\\lceil n/s \\rceil").contains("<mo stretchy=\"false\">⌈</mo>"))
    #expect(
      try Self.math("\\left( \\frac{a}{b} \\right)")
        == "<math><mrow><mrow><mo stretchy=\"true\">(</mo><mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac><mo stretchy=\"true\">)</mo></mrow></mrow></math>"
    )
    #expect(MathMLConverter.check("\\left( a") != nil)
    #expect(MathMLConverter.check("a \\right)")?.message == "Extra \\right")
  }

  @Test func sumsTakeLimitsBelowInDisplayMath() throws {
    #expect(
      try Self.math("\\sum_{i=1}^{n} x_i", display: true).contains(
        "<munderover><mo largeop=\"true\" movablelimits=\"true\">∑</mo>"))
    #expect(try Self.math("\\sum_i x_i").contains("<msub><mo largeop"))
  }

  @Test func alignedEquations() throws {
    let html = try Self.math("\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}", display: true)
    #expect(html.hasPrefix("<math display=\"block\"><mrow><mtable displaystyle=\"true\"><mtr>"))
    #expect(html.components(separatedBy: "<mtr>").count == 3)
    #expect(
      html.contains("<mtd style=\"text-align: left\"><mrow><mo>=</mo><mi>b</mi></mrow></mtd>"))
  }

  @Test func errorsPointAtTheOffendingText() {
    #expect(
      MathMLConverter.check("a + \\int x")
        == MathError(
          message: "ConvBook does not support the TeX command \\int yet (README: Math in lessons)",
          offset: 4, length: 4))
    #expect(
      MathMLConverter.check("\\lflor x")?.message
        == "Undefined control sequence \\lflor; did you mean \\lfloor?")
    #expect(MathMLConverter.check("\\frac{a}{b")?.message == "Missing } inserted for this {")
    #expect(MathMLConverter.check("\\frac{a}{b")?.offset == 8)
    #expect(MathMLConverter.check("x^2^3")?.message == "Double superscript")
    #expect(MathMLConverter.check("a } b")?.message == "Extra }, or forgotten {")
    #expect(MathMLConverter.check("a & b")?.offset == 2)
    #expect(
      MathMLConverter.check("\\begin{matrix} a \\end{matrix}")?.message
        == "ConvBook does not support \\begin{matrix} yet; use \\begin{aligned}")
    #expect(MathMLConverter.check("\\frac{a}")?.message == "Missing argument for \\frac")
  }

  @Test func excerptPlacesTheCaret() {
    let error = MathError(message: "m", offset: 7, length: 4)
    let excerpt = error.excerpt(in: "a\nb + \\int")
    #expect(excerpt.line == 2)
    #expect(excerpt.column == 6)
    #expect(excerpt.text == "b + \\int")
    #expect(excerpt.caret == "     ^^^")
  }
}
