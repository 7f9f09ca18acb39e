import Foundation
import LessonKit
import LessonRender
import Testing

@Suite("Markdown HTML rendering")
struct MarkdownHTMLRendererTests {
  /// The golden files: `NAME.md` and, next to it, `NAME.html` written by
  /// `cmark --unsafe NAME.md > NAME.html` (cmark 0.30.2). Regenerate them that way after
  /// adding a document.
  static let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static let fixtureNames: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
    return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
  }()

  private static func fixture(_ name: String, _ fileExtension: String) throws -> String {
    try String(
      contentsOf: fixtures.appendingPathComponent("\(name).\(fileExtension)"), encoding: .utf8)
  }

  @Test func fixturesArePresent() {
    #expect(Self.fixtureNames.count >= 10)
  }

  @Test("Renders like cmark", arguments: fixtureNames)
  func rendersLikeCmark(name: String) throws {
    let markdown = try Self.fixture(name, "md")
    var renderer = MarkdownHTMLRenderer()
    let html = renderer.render(LessonReader.parseMarkdown(markdown))
    #expect(html == (try Self.fixture(name, "html")))
  }

  @Test("Lesson blocks render like cmark when cells are shown as code", arguments: fixtureNames)
  func lessonBlocksRenderLikeCmark(name: String) throws {
    // Plain CommonMark: the extensions are for lessons and tested on their own.
    let lesson = LessonReader.read(
      source: try Self.fixture(name, "md"), fileName: "\(name).md", extensions: [])
    var renderer = MarkdownHTMLRenderer()
    var html = ""
    for block in lesson.blocks {
      switch block {
      case .prose(let node):
        html += renderer.render(node)
      case .cell(let cell):
        html += renderer.render(MarkdownNode(.codeBlock(info: "keras", literal: cell.source)))
      case .exercise(let exercise):
        html += renderer.render(MarkdownNode(.codeBlock(info: "exercise", literal: exercise.text)))
      case .figure(let figure):
        html += renderer.render(MarkdownNode(.codeBlock(info: "figure", literal: figure.text)))
      }
    }
    // Options after the language word are not kept in the blocks, and do not show in cmark's
    // HTML either.
    #expect(html == (try Self.fixture(name, "html")))
  }

  @Test func inlineExpressionsUseTheHook() {
    let document = LessonReader.parseMarkdown(
      "Parameters: `{keras} model.count_params()`, shape `{keras} a < b`.\n\n![`{keras} x` alt](i.png)\n"
    )
    var seen: [String] = []
    var renderer = MarkdownHTMLRenderer()
    let html = renderer.render(document) { expression, position in
      seen.append("\(expression)@\(position.startLine):\(position.startColumn)")
      return "<output>\(HTMLEscaping.escape(expression))</output>"
    }
    #expect(seen == ["model.count_params()@1:22", "a < b@1:60"])
    #expect(
      html == """
        <p>Parameters: <output>model.count_params()</output>, shape <output>a &lt; b</output>.</p>
        <p><img src="i.png" alt="{keras} x alt" /></p>

        """)
  }

  @Test func inlineExpressionsDefaultToCodeSpans() {
    var renderer = MarkdownHTMLRenderer()
    #expect(
      renderer.render(LessonReader.parseMarkdown("`{keras}  a & b `\n"))
        == "<p><code>{keras}  a &amp; b </code></p>\n")
  }

  @Test func headingIDsAreUniqueAcrossCalls() {
    var renderer = MarkdownHTMLRenderer(headingIDs: true)
    let first = renderer.render(LessonReader.parseMarkdown("# Conv *layers*\n\n## Conv layers\n"))
    let second = renderer.render(
      LessonReader.parseMarkdown("## Conv layers\n\n### Déjà vu & co.\n\n#\n"))
    #expect(
      first
        == "<h1 id=\"conv-layers\">Conv <em>layers</em></h1>\n<h2 id=\"conv-layers-1\">Conv layers</h2>\n"
    )
    #expect(
      second
        == "<h2 id=\"conv-layers-2\">Conv layers</h2>\n<h3 id=\"déjà-vu-co\">Déjà vu &amp; co.</h3>\n<h1 id=\"section\"></h1>\n"
    )
  }

  @Test func rendersNodeArraysAndBareInlines() {
    var renderer = MarkdownHTMLRenderer()
    let nodes = [
      MarkdownNode(.paragraph, children: [MarkdownNode(.text("a"))]),
      MarkdownNode(.thematicBreak),
    ]
    #expect(renderer.render(nodes) == "<p>a</p>\n<hr />\n")
    #expect(
      renderer.render(MarkdownNode(.emphasis, children: [MarkdownNode(.text("x"))])) == "<em>x</em>"
    )
  }

  @Test func deeplyNestedInputRendersWithoutCrashing() {
    let source =
      String(repeating: "> ", count: 5000) + "deep\n" + String(repeating: "- ", count: 5000) + "x\n"
    var renderer = MarkdownHTMLRenderer()
    let html = renderer.render(LessonReader.parseMarkdown(source))
    #expect(html.contains("deep"))
    #expect(html.contains("x"))
  }
}
