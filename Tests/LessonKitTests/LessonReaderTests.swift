import LessonKit
import Testing

@Suite("Reading lessons")
struct LessonReaderTests {
  private func read(_ source: String) -> Lesson {
    LessonReader.read(source: source, fileName: "lesson-01.md")
  }

  // MARK: Title

  @Test func titleIsPlainTextOfFirstHeading() {
    #expect(
      read("intro\n\n## *Conv* `layers` &amp; [pooling](x)\n\n# Later\n").title
        == "Conv layers & pooling")
  }

  @Test func setextTitleCollapsesLineBreaks() {
    #expect(read("Building\n  a CNN\n========\n").title == "Building a CNN")
  }

  @Test func titleFallsBackToFileName() {
    #expect(read("No heading here.\n").title == "lesson-01.md")
    #expect(read("#\n\ntext\n").title == "lesson-01.md")
    #expect(read("").title == "lesson-01.md")
  }

  @Test func headingInsideBlockQuoteIsNotTheTitle() {
    #expect(read("> # Note\n\n# Real title\n").title == "Real title")
  }

  // MARK: Cells

  @Test func cellWithOptionsAndLines() throws {
    let lesson = read(
      """
      # Title

      Some prose.

      ```keras hide-code id=conv1 epochs=3
      model = keras.Sequential()
      model.add(layers.Dense(10))
      ```

      More prose.
      """)
    let cell = try #require(lesson.cells.first)
    #expect(cell.source == "model = keras.Sequential()\nmodel.add(layers.Dense(10))\n")
    #expect(cell.options == ["hide-code", "id=conv1", "epochs=3"])
    #expect(cell.flags == ["hide-code"])
    #expect(cell.settings == ["id": "conv1", "epochs": "3"])
    #expect(cell.hasFlag("hide-code"))
    #expect(cell.fenceLine == 5)
    #expect(cell.codeStartLine == 6)
    #expect(cell.lessonLine(ofCellLine: 2) == 7)
    #expect(cell.position.endLine == 8)
  }

  @Test func blockOrderAndProseGrouping() {
    let lesson = read(
      """
      # T

      para

      ```keras
      a = 1
      ```
      ```exercise
      prompt: p
      ```

      - list

      ```figure wide
      fig
      ```
      """)
    let shapes = lesson.blocks.map { block -> String in
      switch block {
      case .prose(let node): "prose(\(node.children.count))"
      case .cell: "cell"
      case .exercise: "exercise"
      case .figure(let figure): "figure\(figure.options)"
      }
    }
    #expect(shapes == ["prose(2)", "cell", "exercise", "prose(1)", "figure[\"wide\"]"])
    if case .prose(let node) = lesson.blocks[0] {
      #expect(node.kind == .document)
      #expect(
        node.position == SourcePosition(startLine: 1, startColumn: 1, endLine: 3, endColumn: 4))
    }
    #expect(lesson.exercises.first?.fenceLine == 8)
    #expect(lesson.exercises.first?.contentStartLine == 9)
    #expect(lesson.figures.first?.text == "fig\n")
    #expect(lesson.figures.first?.contentStartLine == 15)
  }

  @Test func cellLinesAfterListsQuotesAndHTML() {
    let lesson = read(
      """
      - item one
      - item two
        continued
      ```keras
      after_list = 1
      ```
      > quoted
      lazy
      ```keras
      after_quote = 2
      ```
      <div class="note">
      raw *html*
      </div>

      ```keras
      after_html = 3
      ```
      <!-- comment
      ```keras
      inside_comment = 4
      ```
      -->

      ```keras
      last = 5
      ```
      """)
    #expect(
      lesson.cells.map(\.source) == [
        "after_list = 1\n", "after_quote = 2\n", "after_html = 3\n", "last = 5\n",
      ])
    #expect(lesson.cells.map(\.codeStartLine) == [5, 10, 17, 26])
    #expect(lesson.cells.map(\.fenceLine) == [4, 9, 16, 25])
  }

  @Test func tildeAndLongFences() {
    let lesson = read(
      """
      ~~~keras  tilde
      a = "```"
      ~~~

      ````keras
      ```
      b = 2
      ````
      """)
    #expect(lesson.cells.map(\.source) == ["a = \"```\"\n", "```\nb = 2\n"])
    #expect(lesson.cells.map(\.options) == [["tilde"], []])
    #expect(lesson.cells.map(\.codeStartLine) == [2, 6])
  }

  @Test func indentedFencesLoseTheirIndentation() {
    let lesson = read("para\n\n   ```keras\n   x = 1\n     y = 2\n  z = 3\n   ```\n")
    #expect(lesson.cells.first?.source == "x = 1\n  y = 2\nz = 3\n")
    #expect(lesson.cells.first?.codeStartLine == 4)
    #expect(lesson.cells.first?.position.startColumn == 4)
  }

  @Test func fourSpacesIsAnIndentedCodeBlockNotACell() {
    let lesson = read("para\n\n    ```keras\n    x = 1\n    ```\n")
    #expect(lesson.cells.isEmpty)
  }

  @Test func emptyAndUnclosedCells() {
    let empty = read("```keras\n```\n")
    #expect(empty.cells.first?.source == "")
    #expect(empty.cells.first?.codeStartLine == 2)
    let unclosed = read("text\n\n```keras\nx = 1\n\ny = 2\n")
    #expect(unclosed.cells.first?.source == "x = 1\n\ny = 2\n")
    #expect(unclosed.cells.first?.codeStartLine == 4)
  }

  @Test func otherFencesStayProse() {
    let lesson = read(
      "```python\nx\n```\n\n```\nplain\n```\n\n```Keras\nX\n```\n\n```kerasx\nY\n```\n")
    #expect(lesson.cells.isEmpty)
    #expect(lesson.blocks.count == 1)
    let infos = lesson.proseNodes.compactMap { node -> String? in
      if case .codeBlock(let info, _) = node.kind { info } else { nil }
    }
    #expect(infos == ["python", "", "Keras", "kerasx"])
  }

  @Test func nestedSpecialBlocksWarnAndStayProse() {
    let lesson = read("1. step\n\n   ```keras\n   x = 1\n   ```\n\n> ```exercise\n> a: b\n> ```\n")
    #expect(lesson.cells.isEmpty)
    #expect(lesson.warnings.map(\.line) == [3, 7])
  }

  @Test func windowsLineEndings() {
    let lesson = read("# T\r\n\r\n```keras\r\nx = 1\r\ny = 2\r\n```\r\n")
    #expect(lesson.cells.first?.source == "x = 1\ny = 2\n")
    #expect(lesson.cells.first?.codeStartLine == 4)
    #expect(lesson.title == "T")
  }

  @Test func rawHTMLIsKeptAsNodes() {
    let lesson = read("<details>\n<summary>Hi</summary>\n\ntext <b>bold</b>\n")
    let kinds = lesson.proseNodes.map(\.kind)
    #expect(kinds.contains(.htmlBlock(literal: "<details>\n<summary>Hi</summary>\n")))
    #expect(kinds.contains(.htmlInline(literal: "<b>")))
  }

  @Test func listAttributes() {
    let lesson = read("3) a\n4) b\n\n- x\n\n- y\n")
    let lists = lesson.proseNodes.compactMap { node -> MarkdownNode.Kind? in
      if case .list = node.kind { node.kind } else { nil }
    }
    #expect(
      lists == [
        .list(type: .ordered, start: 3, isTight: true, delimiter: .parenthesis),
        .list(type: .bullet, start: 0, isTight: false, delimiter: .none),
      ])
  }
}
