import LessonKit
import Testing

@Suite("Properties over generated lessons")
struct LessonPropertyTests {
  static let seeds: [UInt64] = Array(1...300)

  /// Everything a lesson keeps as text, for checking that nothing was dropped.
  private func allText(of lesson: Lesson) -> String {
    var parts: [String] = []
    for node in lesson.proseNodes {
      switch node.kind {
      case .text(let text): parts.append(text)
      case .code(let literal), .htmlInline(let literal), .htmlBlock(let literal):
        parts.append(literal)
      case .codeBlock(let info, let literal): parts += [info, literal]
      case .inlineExpression(_, let literal): parts.append(literal)
      case .link(let url, let title), .image(let url, let title): parts += [url, title]
      default: break
      }
    }
    for block in lesson.blocks {
      switch block {
      case .prose: break
      case .cell(let cell): parts.append(cell.source)
      case .exercise(let exercise): parts.append(exercise.text)
      case .figure(let figure): parts.append(figure.text)
      }
    }
    return parts.joined(separator: "\u{1}")
  }

  @Test("Reading never loses text", arguments: seeds)
  func neverLosesText(seed: UInt64) {
    var generator = LessonGenerator(seed: seed)
    let source = generator.lesson()
    let text = allText(of: LessonReader.read(source: source, fileName: "g.md"))
    for word in generator.words {
      #expect(text.contains(word), "\(word) lost from:\n\(source)")
    }
  }

  @Test("Inline positions point at their text", arguments: seeds)
  func inlinePositionsPointAtTheirText(seed: UInt64) {
    var generator = LessonGenerator(seed: seed)
    let source = generator.lesson()
    let lesson = LessonReader.read(source: source, fileName: "g.md")
    let lines = SourceLines(source)
    for node in lesson.proseNodes {
      let expected: String
      switch node.kind {
      case .text(let text), .code(let text), .inlineExpression(let text, _): expected = text
      default: continue
      }
      let position = node.position
      guard position.startLine == position.endLine else { continue }
      if expected.first == " ", lines.lines[position.startLine - 1].contains("\t") {
        // cmark turns the unused part of a tab it split into spaces, so such text is not
        // verbatim source (only seen with a reference definition before a lazy line).
        continue
      }
      let found = lines.text(
        line: position.startLine, column: position.startColumn, count: expected.count)
      #expect(found == expected, "\(node.kind) at \(position) in:\n\(source)")
      #expect(
        position.endColumn == position.startColumn + expected.count - 1,
        "\(node.kind) at \(position)")
    }
  }

  @Test("Cell lines map to lesson lines", arguments: seeds)
  func cellLinesMapToLessonLines(seed: UInt64) {
    var generator = LessonGenerator(seed: seed)
    let source = generator.lesson()
    let lines = SourceLines(source)
    for cell in LessonReader.read(source: source, fileName: "g.md").cells {
      for (index, line) in cell.source.split(separator: "\n").enumerated() {
        let lessonLine = cell.lessonLine(ofCellLine: index + 1)
        #expect(
          String(lines.lines[lessonLine - 1]).hasSuffix(line),
          "cell line \(index + 1) in:\n\(source)")
      }
    }
  }
}
