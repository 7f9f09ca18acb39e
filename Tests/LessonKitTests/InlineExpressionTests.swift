import LessonKit
import Testing

@Suite("Inline expressions")
struct InlineExpressionTests {
  /// Reads `source` and checks each inline expression against the expected expression and
  /// start line/column, and that the source really has the expression there.
  private func expect(
    _ source: String, _ expected: [(String, Int, Int)],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let lesson = LessonReader.read(source: source, fileName: "t.md")
    let found = lesson.inlineExpressions
    #expect(
      found.map { "\($0.expression)@\($0.position.startLine):\($0.position.startColumn)" }
        == expected.map { "\($0.0)@\($0.1):\($0.2)" }, sourceLocation: sourceLocation)
    let lines = SourceLines(source)
    for (expression, position) in found {
      let firstWord = String(expression.prefix(while: { $0 != " " }))
      #expect(
        lines.text(line: position.startLine, column: position.startColumn, count: firstWord.count)
          == firstWord, "\(expression) at \(position)", sourceLocation: sourceLocation)
    }
  }

  @Test func simpleParagraph() {
    expect("Parameters: `{keras} model.count_params()`.\n", [("model.count_params()", 1, 22)])
  }

  @Test func endPositionCoversExpression() throws {
    let lesson = LessonReader.read(source: "a `{keras} x + 1` b\n", fileName: "t.md")
    let position = try #require(lesson.inlineExpressions.first?.position)
    #expect(position == SourcePosition(startLine: 1, startColumn: 12, endLine: 1, endColumn: 16))
  }

  @Test func keepsLiteralForDisplay() throws {
    let lesson = LessonReader.read(source: "`{keras}   x `\n", fileName: "t.md")
    let node = try #require(
      lesson.proseNodes.first { if case .inlineExpression = $0.kind { true } else { false } })
    #expect(node.kind == .inlineExpression(expression: "x", literal: "{keras}   x "))
  }

  @Test func otherCodeSpansStayCode() {
    let lesson = LessonReader.read(
      source: "`{keras}` and `{python} x` and `keras x` and `{keras}x`\n", fileName: "t.md")
    #expect(lesson.inlineExpressions.isEmpty)
    #expect(lesson.proseNodes.filter { if case .code = $0.kind { true } else { false } }.count == 4)
  }

  @Test func emptyExpressionIsStillAnExpression() {
    expect("`{keras} `\n", [("", 1, 10)])
  }

  @Test func severalOnOneLine() {
    expect(
      "`{keras} a` and `{keras} bb` and `{keras} a`\n", [("a", 1, 10), ("bb", 1, 26), ("a", 1, 43)])
  }

  @Test func doubleBackticksAndPadding() {
    expect("x `` {keras} a`b `` y\n", [("a`b", 1, 14)])
  }

  @Test func extraSpacesAndTabs() {
    expect("x\t`{keras}  \t y`\n", [("y", 1, 15)])
  }

  @Test func continuationLinesOfAParagraph() {
    expect(
      "first line\n  second `{keras} a`\n      third `{keras} b`\n",
      [("a", 2, 19), ("b", 3, 22)])
  }

  @Test func indentedParagraph() {
    expect("   para `{keras} a`\n    more `{keras} b`\n", [("a", 1, 18), ("b", 2, 19)])
  }

  @Test func blockQuotesAndLazyLines() {
    expect(
      "> one `{keras} a`\n> two `{keras} b`\n>   three `{keras} c`\nlazy `{keras} d`\n",
      [("a", 1, 16), ("b", 2, 16), ("c", 3, 20), ("d", 4, 15)])
  }

  @Test func nestedBlockQuotesAndLists() {
    expect(
      "> - item `{keras} a`\n>   cont `{keras} b`\n>   > deep\n>   > er `{keras} c`\n",
      [("a", 1, 19), ("b", 2, 19), ("c", 4, 19)])
  }

  @Test func listItems() {
    expect(
      "1. first `{keras} a`\n   cont `{keras} b`\n\n   second para\n     x `{keras} c`\n",
      [("a", 1, 19), ("b", 2, 18), ("c", 5, 17)])
  }

  @Test func afterLinkReferenceDefinitions() {
    expect(
      "[ref]: /url\n  \"title\"\nSome `{keras} a` [ref]\n  more `{keras} b`\n",
      [("a", 3, 15), ("b", 4, 17)])
  }

  @Test func headings() {
    expect(
      "##   Title `{keras} a`  ##\n\nSetext `{keras} b`\n  line `{keras} c`\n===\n",
      [("a", 1, 21), ("b", 3, 17), ("c", 4, 17)])
  }

  @Test func insideEmphasisAndLinks() {
    expect("*em `{keras} a`* [`{keras} b`](u)\n", [("a", 1, 14), ("b", 1, 28)])
  }

  @Test func unicodeColumnsCountCharacters() {
    expect("Über 🧠 naïve `{keras} x`\n\n> é `{keras} y`\n", [("x", 1, 23), ("y", 3, 14)])
  }

  @Test func windowsLineEndingsAndByteOrderMark() {
    expect(
      "\u{FEFF}title\r\n\r\nsome `{keras} a`\r\n  more `{keras} b`\r\n",
      [("a", 3, 15), ("b", 4, 17)])
  }

  @Test func spanningLines() {
    expect("x `{keras}\nmodel` y\n", [("model", 2, 1)])
    expect("x `{keras} a\nplus b` y\n", [("a plus b", 1, 12)])
    expect("> x `{keras}\n>   model` y\n", [("model", 2, 5)])
  }

  @Test func spanningLinesEndPosition() throws {
    let lesson = LessonReader.read(source: "> x `{keras} a\n>   and bc ` y\n", fileName: "t.md")
    let position = try #require(lesson.inlineExpressions.first?.position)
    #expect(position == SourcePosition(startLine: 1, startColumn: 14, endLine: 2, endColumn: 10))
  }
}
