import ConvBookCore
import Foundation
import Testing

/// `convbook verify`: the fixture lesson and lesson 1 pass; every kind of mistake in a lesson fails,
/// naming lesson, line and exercise id.
@Suite struct LessonVerifierTests {
  typealias F = ExerciseFixtures

  @Test func fixtureLessonPasses() throws {
    let outcome = F.verify(try F.lessonSource(), fileName: "exercise-lesson.md")
    #expect(outcome.diagnostics.map { $0.formatted() } == [])
    #expect(
      outcome.summaryLine
        == "exercise-lesson.md: ok (1 cell, 2 inline values, 5 exercises: 4 value, 1 design)")
  }

  @Test func lessonOnePassesWithNumericShapeAndDesignExercises() throws {
    let verifier = LessonVerifier(runner: LessonRunner(figureEvaluator: FigureEvaluator()))
    let outcomes = try verifier.verify(path: F.lessonsDirectory)
    let lessonOne = try #require(
      outcomes.first { $0.sourceFile.hasSuffix("05-flatten-or-global-pooling.md") })
    #expect(lessonOne.diagnostics.map { $0.formatted() } == [])
    #expect(lessonOne.exerciseCount >= 3)
    #expect(lessonOne.designExerciseCount >= 1)
    // Lesson 1's answers, as a student would type them.
    let path = F.lessonsDirectory.appendingPathComponent("05-flatten-or-global-pooling.md").path
    func check(_ id: String, _ answer: String) -> Int32 {
      ExerciseCheck.check(lessonPath: path, exerciseID: id, submission: .value(answer)).exitCode
    }
    // The exercises ask about the same network on 112×112 images (not printed on the page).
    #expect(check("head-params", "2,562,474") == 0)
    #expect(check("head-params", "11,508,138") == 1)
    #expect(check("flatten-input-shape", "(None, 25, 25, 64)") == 0)
    #expect(check("flatten-input-shape", "(25, 25, 64)") == 1)
  }

  @Test func brokenAnswerKeyFailsNamingTheExercise() throws {
    let source = try F.lesson(
      replacing: "answer: wide.count_params()\n", with: "answer: wide.count_parameters()\n")
    let outcome = F.verify(source, fileName: "broken.md")
    #expect(!outcome.passed)
    let diagnostic = try #require(outcome.diagnostics.first)
    #expect(diagnostic.file == "broken.md")
    #expect(diagnostic.line == 32)
    #expect(diagnostic.message.contains("exercise 'wide-params'"))
    #expect(diagnostic.message.contains("count_parameters"))
    #expect(outcome.summaryLine.hasPrefix("broken.md: 1 error"))
  }

  @Test func brokenAnswerKeyInACopiedFolderFailsTheFolder() throws {
    let folder = try F.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try F.lessonSource().write(
      to: folder.appendingPathComponent("01-good.md"), atomically: true, encoding: .utf8)
    try F.lesson(replacing: "answer: wide.layers[-1].name", with: "answer: wide.layers[9].name")
      .write(to: folder.appendingPathComponent("02-broken.md"), atomically: true, encoding: .utf8)
    let outcomes = try LessonVerifier().verify(path: folder)
    #expect(outcomes.map(\.passed) == [true, false])
    let diagnostic = try #require(outcomes[1].diagnostics.first)
    #expect(diagnostic.message.contains("exercise 'last-layer'"))
    #expect(diagnostic.message.contains("IndexError"))
  }

  @Test func solutionMissingItsOwnRequirementFails() throws {
    let source = try F.lesson(
      replacing: "model.count_params() < 10000", with: "model.count_params() < 600")
    let diagnostic = try #require(F.verify(source).diagnostics.first)
    #expect(diagnostic.line == 62)
    #expect(diagnostic.message.contains("exercise 'slim-design': the solution slim does not meet"))
    #expect(diagnostic.message.contains("params 618 — must be < 600"))
  }

  @Test func starterThatAlreadyMeetsTheRequirementsFails() throws {
    let source = try F.lesson(replacing: "starter: wide", with: "starter: slim")
    let diagnostic = try #require(F.verify(source).diagnostics.first)
    #expect(diagnostic.line == 60)
    #expect(diagnostic.message.contains("already meets every requirement"))
  }

  @Test func requirementThatIsNotBooleanFails() throws {
    let source = try F.lesson(
      replacing: "  - len(model.layers) <= 5", with: "  - len(model.layers)")
    let diagnostic = try #require(F.verify(source).diagnostics.first)
    #expect(diagnostic.line == 66)
    #expect(diagnostic.message.contains("is not a condition"))
  }

  @Test func repeatedIdsFail() throws {
    let source = try F.lesson(replacing: "id: ratio", with: "id: wide-params")
    let diagnostic = try #require(F.verify(source).diagnostics.first)
    #expect(diagnostic.line == 51)
    #expect(diagnostic.message.contains("'wide-params' is already used at line 29"))
  }

  @Test func malformedBlocksFailAtTheirLine() throws {
    let missingID = F.verify(try F.lesson(replacing: "id: ratio\n", with: ""))
    #expect(missingID.diagnostics.first?.line == 50)
    #expect(missingID.diagnostics.first?.message.contains("has no id") == true)
    let unknownKey = F.verify(
      try F.lesson(replacing: "hint: The last line", with: "hnit: The last line"))
    #expect(unknownKey.diagnostics.first?.line == 31)
    #expect(unknownKey.diagnostics.first?.message.contains("unknown field 'hnit'") == true)
  }

  @Test func failingInlineValueFails() throws {
    let source = try F.lesson(
      replacing: "`{keras} slim.count_params()`", with: "`{keras} slimm.count_params()`")
    let diagnostic = try #require(F.verify(source).diagnostics.first)
    #expect(diagnostic.line == 26)
    #expect(diagnostic.message.contains("slimm"))
  }

  @Test func failingCellFails() throws {
    let source = try F.lesson(
      replacing: "layers.Dense(64, activation=\"relu\")", with: "layers.Dense(-1)")
    #expect(!F.verify(source).passed)
  }

  @Test func exercisesAreEvaluatedAfterAllTheCells() throws {
    let source = """
      # Early question

      ```exercise
      id: late-params
      prompt: How many parameters will `late` have?
      answer: late.count_params()
      ```

      ```keras
      from tensorflow import keras
      late = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
      ```
      """
    #expect(F.verify(source).diagnostics.map { $0.formatted() } == [])
    let report = ExerciseCheck.check(
      lesson: F.read(source), lessonPath: "early.md", exerciseID: "late-params",
      submission: .value("8"))
    #expect(report.exitCode == 0)
  }

  @Test func unknownSolutionNamesTheLessonsModels() throws {
    let source = try F.lesson(replacing: "solution: slim", with: "solution: slimmer")
    let diagnostic = try #require(F.verify(source).diagnostics.first)
    #expect(
      diagnostic.message.contains(
        "solution 'slimmer' is not a model of this lesson (models defined above it: wide, slim)"))
  }
}
