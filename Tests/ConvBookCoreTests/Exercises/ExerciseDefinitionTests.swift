import ConvBookCore
import LessonKit
import Testing

/// Reading exercise blocks: the fields, and a clear error at the right lesson line for every
/// malformed block.
@Suite struct ExerciseDefinitionTests {
  /// The first exercise block of `body`, placed after a title line and a blank line (so the fence
  /// is lesson line 3 and the first field line 4).
  static func block(_ body: String) throws -> ExerciseBlock {
    let lesson = LessonReader.read(source: "# T\n\n```exercise\n\(body)\n```\n", fileName: "t.md")
    return try #require(lesson.exercises.first)
  }

  static func error(_ body: String) throws -> ExerciseDefinitionError? {
    let exerciseBlock = try block(body)
    do {
      _ = try Exercise(block: exerciseBlock)
      return nil
    } catch {
      return error
    }
  }

  @Test func readsAValueExercise() throws {
    let exercise = try Exercise(
      block: try Self.block(
        "id: params\nprompt: How many?\n  Continued.\nhint:\n  - first\n  - second\nanswer: m.count_params()\ntolerance: 0.05"
      ))
    #expect(exercise.id == "params")
    #expect(exercise.prompt == "How many? Continued.")
    #expect(exercise.hints == ["first", "second"])
    guard case .value(let answer, let tolerance) = exercise.kind else {
      Issue.record("expected a value exercise")
      return
    }
    #expect(answer.text == "m.count_params()")
    #expect(answer.line == 10)
    #expect(answer.column == 9)
    #expect(tolerance == 0.05)
  }

  @Test func readsADesignExercise() throws {
    let exercise = try Exercise(
      block: try Self.block(
        "id: slim\nprompt: Make it slim.\nstarter: wide\nrequire:\n  - model.count_params() < 10\n  - not uses(model, \"Flatten\")\nsolution: slim"
      ))
    guard case .design(let starter, let requirements, let solution) = exercise.kind else {
      Issue.record("expected a design exercise")
      return
    }
    #expect(starter?.text == "wide")
    #expect(
      requirements.map(\.text) == ["model.count_params() < 10", "not uses(model, \"Flatten\")"])
    #expect(requirements.map(\.line) == [8, 9])
    #expect(requirements.map(\.column) == [5, 5])
    #expect(solution?.text == "slim")
  }

  @Test func missingIdIsReportedAtTheFence() throws {
    let error = try #require(try Self.error("prompt: What?\nanswer: 1"))
    #expect(error.line == 3)
    #expect(error.message.contains("has no id"))
  }

  @Test func unknownKeySuggestsTheKnownOne() throws {
    let error = try #require(try Self.error("id: a\nprompt: What?\nanwser: 1"))
    #expect(error.line == 6)
    #expect(error.message.contains("unknown field 'anwser'"))
    #expect(error.message.contains("did you mean 'answer'?"))
  }

  @Test func malformedLineIsReportedAtItsLine() throws {
    let error = try #require(try Self.error("id: a\nprompt: What?\nthis is not a field\nanswer: 1"))
    #expect(error.line == 6)
    #expect(error.message.hasPrefix("malformed exercise block"))
  }

  @Test func repeatedHintLinesKeepLineNumbersAndOrder() throws {
    let error = try #require(
      try Self.error("id: a\nprompt: What?\nhint: one\nhint: two\nanswer: 1\nbad line"))
    #expect(error.line == 9)
    let exercise = try Exercise(
      block: try Self.block("id: a\nprompt: What?\nhint: one\n  continued\nhint: two\nanswer: 1"))
    #expect(exercise.hints == ["one continued", "two"])
    guard case .value(let answer, _) = exercise.kind else {
      Issue.record("expected a value exercise")
      return
    }
    #expect(answer.line == 9)
  }

  @Test func answerAndRequirementsDoNotMix() throws {
    let error = try #require(
      try Self.error("id: a\nprompt: What?\nanswer: 1\nrequire:\n  - True\nsolution: m"))
    #expect(error.line == 7)
    #expect(error.message.contains("both 'answer:'"))
  }

  @Test func designNeedsASolution() throws {
    let error = try #require(try Self.error("id: a\nprompt: Design.\nrequire:\n  - True"))
    #expect(error.message.contains("needs 'solution:'"))
  }

  @Test func exerciseNeedsAnAnswerOrRequirements() throws {
    let error = try #require(try Self.error("id: a\nprompt: What?"))
    #expect(error.message.contains("neither 'answer:'"))
  }

  @Test func idMustBeTypeable() throws {
    let error = try #require(try Self.error("id: two words\nprompt: What?\nanswer: 1"))
    #expect(error.line == 4)
    #expect(error.column == 5)
  }

  @Test func toleranceMustBeANumber() throws {
    let error = try #require(try Self.error("id: a\nprompt: What?\nanswer: 1.5\ntolerance: a lot"))
    #expect(error.line == 7)
  }

  @Test func promptIsOptional() throws {
    let exercise = try Exercise(block: try Self.block("id: a\nanswer: 1"))
    #expect(exercise.prompt == "")
  }
}
