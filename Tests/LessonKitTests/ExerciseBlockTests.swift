import LessonKit
import Testing

@Suite("Exercise fields")
struct ExerciseBlockTests {
  private func exercise(_ source: String) throws -> ExerciseBlock {
    try #require(LessonReader.read(source: source, fileName: "e.md").exercises.first)
  }

  @Test func textAndListFieldsWithLines() throws {
    let block = try exercise(
      """
      # Exercise

      ```exercise
      id: conv-1
      prompt: Build a model with two
        convolution layers: 3x3 kernels.

      checks:
        - output shape is (None, 10)
        - fewer than
          10k parameters
      - uses MaxPooling2D
      hint: Try `Conv2D`.
      ```
      """)
    let fields = try block.parseFields()
    #expect(fields.map(\.key) == ["id", "prompt", "checks", "hint"])
    #expect(fields.map(\.line) == [4, 5, 8, 13])
    #expect(fields[0].text == "conv-1")
    #expect(fields[1].text == "Build a model with two convolution layers: 3x3 kernels.")
    #expect(
      fields[2].items == [
        ExerciseField.Item(text: "output shape is (None, 10)", line: 9),
        ExerciseField.Item(text: "fewer than 10k parameters", line: 10),
        ExerciseField.Item(text: "uses MaxPooling2D", line: 12),
      ])
    #expect(fields[3].value == .text("Try `Conv2D`."))
  }

  @Test func emptyBlockHasNoFields() throws {
    #expect(try exercise("```exercise\n```\n").parseFields().isEmpty)
    #expect(try exercise("```exercise\n\n\n```\n").parseFields().isEmpty)
  }

  private func error(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> ExerciseParseError
  {
    // The fence is on line 2, so content line N is lesson line N + 2.
    let block = try exercise("text\n```exercise\n\(body)```\n")
    do {
      let fields = try block.parseFields()
      Issue.record("expected an error, got \(fields)", sourceLocation: sourceLocation)
      return ExerciseParseError(line: 0, message: "")
    } catch {
      return error
    }
  }

  @Test func malformedLinesPointAtTheLine() throws {
    #expect(try error("id: 1\nnot a field\n").line == 4)
    #expect(try error("id: 1\n- stray item\n").line == 4)
    #expect(try error("  indented first\n").line == 3)
    #expect(try error("id: 1\nchecks:\n  -\n").line == 5)
    #expect(try error("9lives: no\n").line == 3)
  }

  @Test func duplicateKey() throws {
    let failure = try error("id: 1\n\nid: 2\n")
    #expect(failure.line == 5)
    #expect(failure.message.contains("'id'"))
  }

  @Test func keyWithoutValueOrItems() throws {
    #expect(try error("checks:\nhint: x\n").line == 3)
    #expect(try error("id: 1\nchecks:\n").line == 4)
  }
}
