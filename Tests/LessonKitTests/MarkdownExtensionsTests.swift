import Testing

@testable import LessonKit

@Suite("Markdown extensions: tables, math, callouts")
struct MarkdownExtensionsTests {
  static func parse(_ text: String) -> MarkdownNode {
    LessonReader.parseMarkdown(text, extensions: .lesson)
  }

  @Test func pipeTableWithAlignmentInlinesAndEscapedPipes() throws {
    let document = Self.parse(
      "Before the table.\n| Layer | `a \\| b` | Params |\n|:--|:-:|--:|\n| **Conv2D** | x | 320 |\n| Dense |\n"
    )
    #expect(document.children.count == 2)
    guard case .paragraph = document.children[0].kind else {
      Issue.record("expected the text before the table to stay a paragraph")
      return
    }
    #expect(document.children[0].plainText == "Before the table.")
    let table = document.children[1]
    #expect(table.kind == .table(alignments: [.left, .center, .right]))
    #expect(table.children.count == 3)
    #expect(table.children[0].kind == .tableRow(isHeader: true))
    let header = table.children[0].children
    #expect(header.count == 3)
    #expect(header[1].children.first?.kind == .code(literal: "a | b"))
    let body = table.children[1].children
    #expect(body[0].children.first?.kind == .strong)
    #expect(body[0].position.startLine == 4)
    #expect(body[0].position.startColumn == 3)
    // A short row is padded to the header's width.
    #expect(table.children[2].children.count == 3)
  }

  @Test func notATableWithoutAMatchingDelimiterRow() {
    let document = Self.parse("| a | b |\n|---|\n")
    #expect(document.children.first?.kind == .paragraph)
    let plain = LessonReader.parseMarkdown("| a | b |\n|---|---|\n")
    #expect(plain.children.first?.kind == .paragraph)
  }

  @Test func tableInsideACallout() {
    let document = Self.parse("> [!TIP]\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n")
    let callout = document.children[0]
    #expect(callout.kind == .callout(.tip))
    #expect(callout.children.first?.kind == .table(alignments: [.none, .none]))
  }

  @Test func inlineAndDisplayMathKeepTheirTeX() throws {
    let document = Self.parse(
      "Output $\\lfloor (H-k)/s \\rfloor + 1$ and *also* $a_1 b_1$, costs $5 and $10.\n\n$$\n\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\n$$\n"
    )
    let first = document.children[0].children
    let maths = first.filter { if case .math = $0.kind { true } else { false } }
    #expect(maths.count == 2)
    #expect(maths[0].kind == .math(tex: "\\lfloor (H-k)/s \\rfloor + 1", isDisplay: false))
    #expect(maths[0].position.startLine == 1)
    #expect(maths[0].position.startColumn == 9)
    #expect(maths[1].kind == .math(tex: "a_1 b_1", isDisplay: false))
    #expect(document.children[0].plainText.hasSuffix("costs $5 and $10."))
    let display = document.children[1].children
    #expect(
      display.first?.kind
        == .math(tex: "\n\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\n", isDisplay: true))
    #expect(display.first?.position.startLine == 3)
  }

  @Test func mathIsNotFoundInCodeOrEscaped() {
    let document = Self.parse("`$x$` and \\$y$ and [l](a$b$c)\n")
    let maths = document.children[0].children.filter {
      if case .math = $0.kind { true } else { false }
    }
    #expect(maths.isEmpty)
  }

  @Test func mathInATableCellAndAHeading() {
    let document = Self.parse("# Size $n^2$\n\n| a | b |\n|---|---|\n| $x_1$ | 2 |\n")
    #expect(document.children[0].children.last?.kind == .math(tex: "n^2", isDisplay: false))
    let cell = document.children[1].children[1].children[0]
    #expect(cell.children.first?.kind == .math(tex: "x_1", isDisplay: false))
    #expect(cell.children.first?.position.startLine == 5)
    #expect(cell.children.first?.position.startColumn == 4)
  }

  @Test func calloutsOfEveryKind() {
    for kind in CalloutKind.allCases {
      let document = Self.parse("> [!\(kind.rawValue.uppercased())]\n> Read *this*.\n")
      #expect(document.children[0].kind == .callout(kind))
      #expect(document.children[0].plainText == "Read this.")
    }
    let quote = Self.parse("> [!NOTE] not alone\n")
    #expect(quote.children[0].kind == .blockQuote)
    let unknown = Self.parse("> [!DANGER]\n> x\n")
    #expect(unknown.children[0].kind == .blockQuote)
  }

  @Test func lessonsReadExtensionsByDefault() {
    let lesson = LessonReader.read(source: "# T\n\n$x$\n", fileName: "a.md")
    guard case .prose(let node) = lesson.blocks[0] else { return }
    #expect(node.children[1].children.first?.kind == .math(tex: "x", isDisplay: false))
  }
}
