import LessonKit
import Testing

@Suite("Markdown nodes")
struct MarkdownNodeTests {
  @Test func everyNodeKindIsProduced() {
    let document = LessonReader.parseMarkdown(
      """
      # H

      > quote

      1. item

      ```py
      code
      ```

      <div>
      html
      </div>

      ***

      *em* **strong** `code` `{keras} e` <b>html</b> [link](u "t") ![img](i)
      soft  
      hard
      """)
    var kinds: Set<String> = []
    func visit(_ node: MarkdownNode) {
      kinds.insert(String(describing: node.kind).prefix(while: { $0 != "(" }).description)
      node.children.forEach(visit)
    }
    visit(document)
    #expect(
      kinds == [
        "document", "heading", "blockQuote", "paragraph", "text", "list", "item", "codeBlock",
        "htmlBlock", "thematicBreak", "emphasis", "strong", "code", "inlineExpression",
        "htmlInline",
        "link", "image", "softBreak", "lineBreak",
      ])
  }

  @Test func blockPositionsUseCharacterColumns() throws {
    let document = LessonReader.parseMarkdown("é > x\n\n- 🧠 *a*\n")
    let list = try #require(document.children.last)
    #expect(list.position.startLine == 3)
    let emphasis = try #require(list.children.first?.children.first?.children.last)
    #expect(emphasis.kind == .emphasis)
    #expect(
      emphasis.position == SourcePosition(startLine: 3, startColumn: 5, endLine: 3, endColumn: 7))
    #expect(emphasis.position.description == "3:5-3:7")
  }

  @Test func autolinkPositions() throws {
    let document = LessonReader.parseMarkdown("x <https://a.b> y\n  z <https://c.d>\n")
    let links = document.allNodes.filter { if case .link = $0.kind { true } else { false } }
    #expect(
      links.map(\.position) == [
        SourcePosition(startLine: 1, startColumn: 3, endLine: 1, endColumn: 15),
        SourcePosition(startLine: 2, startColumn: 5, endLine: 2, endColumn: 17),
      ])
  }

  @Test func plainText() {
    let heading = LessonReader.parseMarkdown("# *A* `b` ![c *d*](e) <i>f</i>\n").children[0]
    #expect(heading.plainText == "A b c d f")
  }
}
