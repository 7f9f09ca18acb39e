import KerasCells
import Testing

@Suite struct SourceLocationTests {
  @Test func excerptUnderlinesTheRange() throws {
    let source = "from tensorflow import keras\nmodel.fit(x, y)\n"
    let statements = try PythonParser.parse(source)
    guard case .expression(let call) = statements[1].kind, case .call(let callee, _) = call.kind
    else {
      Issue.record("expected a call")
      return
    }
    let excerpt = SourceExcerpt(source: source, range: callee.range)
    #expect(excerpt.lineText == "model.fit(x, y)")
    #expect(excerpt.caretLine == "^^^^^^^^^")
    #expect(excerpt.description == "model.fit(x, y)\n^^^^^^^^^")
  }

  @Test func excerptKeepsTabsSoCaretsLineUp() {
    let source = "if x:\n\tmodel.add(Dense(1))\n"
    let start = CellLocation(line: 2, column: 3, utf8Offset: 8)
    let end = CellLocation(line: 2, column: 6, utf8Offset: 11)
    let excerpt = SourceExcerpt(source: source, range: SourceRange(start: start, end: end))
    #expect(excerpt.caretLine == "\t ^^^")
  }

  @Test func pointRangesGetOneCaret() {
    let excerpt = SourceExcerpt(
      source: "for x in y\n", range: SourceRange(at: firstLine(column: 11)))
    #expect(excerpt.caretLine == String(repeating: " ", count: 10) + "^")
  }

  @Test func multiLineRangesUnderlineToTheEndOfTheFirstLine() {
    let source = "x = f(a,\n      b)\n"
    let range = SourceRange(
      start: firstLine(column: 5), end: CellLocation(line: 2, column: 9, utf8Offset: 17))
    #expect(SourceExcerpt(source: source, range: range).caretLine == "    ^^^^")
  }

  @Test func textSlicesByUTF8Offsets() {
    let source = "s = 'é😀' + t"
    let range = SourceRange(
      start: CellLocation(line: 1, column: 5, utf8Offset: 4),
      end: CellLocation(line: 1, column: 9, utf8Offset: 12))
    #expect(range.text(in: source) == "'é😀'")
  }

  @Test func locationsOrderAndPrint() {
    #expect(firstLine(column: 2) < firstLine(column: 3))
    #expect(
      CellLocation(line: 1, column: 9, utf8Offset: 8)
        < CellLocation(line: 2, column: 1, utf8Offset: 9))
    #expect(firstLine(column: 4).description == "1:4")
    #expect(SourceRange(at: firstLine(column: 4)).description == "1:4")
    #expect(
      SourceRange(start: firstLine(column: 4), end: firstLine(column: 6)).description == "1:4-1:6")
  }
}
