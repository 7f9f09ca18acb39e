import LessonKit
import Testing

@Suite("Reading any input")
struct RobustnessTests {
  private static let alphabet: [Character] =
    Array(
      "ab 1\t\n\r>*_-+=#`~[]()<>!\\&;:\"'{}|.0🧠é\u{0}\u{FEFF}\u{301}\u{2028}") + ["\r\n"]

  @Test("Random input never crashes", arguments: 1...200)
  func randomInput(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let length = Int.random(in: 0...400, using: &random)
    let source = String((0..<length).map { _ in Self.alphabet.randomElement(using: &random)! })
    let lesson = LessonReader.read(source: source, fileName: "fuzz.md")
    // Every known position is inside the file.
    let lineCount = SourceLines(source).lines.count
    for node in lesson.proseNodes where node.position.isKnown {
      #expect(node.position.startLine <= lineCount + 1, "\(node.kind) at \(node.position)")
      #expect(node.position.startColumn >= 1, "\(node.kind) at \(node.position)")
    }
  }

  @Test func deepNestingIsFlattenedNotFatal() {
    let quotes = String(repeating: ">", count: 5_000) + " deep `{keras} x`\n"
    let lists = String(repeating: "- ", count: 5_000) + "item\n"
    let emphasis = String(repeating: "*a ", count: 5_000) + String(repeating: " a*", count: 5_000)
    let links = String(repeating: "[", count: 5_000) + "x" + String(repeating: "](u)", count: 5_000)
    for (source, word) in [(quotes, "deep"), (lists, "item"), (emphasis, "a"), (links, "x")] {
      let lesson = LessonReader.read(source: source, fileName: "deep.md")
      let texts = lesson.proseNodes.compactMap { node -> String? in
        if case .text(let text) = node.kind { text } else { nil }
      }
      #expect(texts.contains { $0.contains(word) }, "\(word) lost")
    }
    #expect(
      LessonReader.read(source: quotes, fileName: "deep.md").inlineExpressions.map(\.expression)
        == ["x"])
  }

  @Test func nulAndByteOrderMark() throws {
    let lesson = LessonReader.read(
      source: "\u{FEFF}# T\u{0}x\n\na\u{0}b `{keras} y`\n", fileName: "n.md")
    #expect(lesson.title == "T\u{FFFD}x")
    let expression = try #require(lesson.inlineExpressions.first)
    #expect(expression.position.startColumn == 14)
  }

  @Test func emptyAndBlankInput() {
    for source in ["", "\n", "   \n\t\n", "\r\r\r"] {
      let lesson = LessonReader.read(source: source, fileName: "blank.md")
      #expect(lesson.blocks.isEmpty)
      #expect(lesson.title == "blank.md")
    }
  }
}
