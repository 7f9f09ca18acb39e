import ConvBookCore
import Foundation
import KerasCells
import Testing

/// Exercise cards in built pages: prompt, starter script, requirements and check command for
/// students; answers and solutions only in instructors' builds.
@Suite struct ExercisePageTests {
  typealias F = ExerciseFixtures

  static func build(solutions: Bool) throws -> String {
    let folder = try F.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lessons = folder.appendingPathComponent("Lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    try F.lessonSource().write(
      to: lessons.appendingPathComponent("exercise-lesson.md"), atomically: true, encoding: .utf8)
    let runner = LessonRunner(exerciseEvaluator: ExerciseCardEvaluator(showSolutions: solutions))
    let report = try SiteBuilder(runner: runner).build(
      lessonsDirectory: lessons, outputDirectory: folder.appendingPathComponent("site"))
    #expect(report.failingLessons.isEmpty)
    return try String(
      contentsOf: folder.appendingPathComponent("site/exercise-lesson.html"), encoding: .utf8)
  }

  @Test func defaultBuildShowsCardsWithoutSolutions() throws {
    let page = try Self.build(solutions: false)
    #expect(page.contains("id=\"exercise-wide-params\""))
    #expect(page.contains("<p>How many parameters does <code>wide</code> have?</p>"))
    #expect(page.contains("convbook check exercise-lesson.student.md wide-params ANSWER"))
    #expect(page.contains("--file model.py"))
    #expect(page.contains("<code>model.count_params() &lt; 10000</code>"))
    #expect(page.contains("<span class=\"tok-class\">Flatten</span>"), "the starter script of wide")
    #expect(!page.contains("exercise-solution"))
    #expect(!page.contains("exercise-answer"))
    // The answers appear nowhere on the student page, except where the prose computes them inline.
    #expect(!page.contains("(None, 15, 15, 16)"))
    #expect(!page.contains("dense_1"))
  }

  @Test func solutionsBuildShowsAnswersAndSolutions() throws {
    let page = try Self.build(solutions: true)
    #expect(page.contains("<strong class=\"exercise-answer\">231,562</strong>"))
    #expect(page.contains("<strong class=\"exercise-answer\">(None, 15, 15, 16)</strong>"))
    #expect(page.contains("The lesson's <code>slim</code> meets every requirement"))
    #expect(page.contains("<li>params 618 — must be &lt; 10,000</li>"))
    let solutionPart = try #require(
      page.components(separatedBy: "<details class=\"exercise-solution\">").last)
    #expect(solutionPart.contains("<span class=\"tok-class\">GlobalAveragePooling2D</span>"))
  }

  @Test func inlineValuesUseThousandsSeparators() throws {
    let page = try Self.build(solutions: false)
    #expect(page.contains(">231,562</span> parameters"))
    #expect(page.contains(">618</span>"))
  }

  @Test func brokenExerciseShowsAnErrorBoxAndFailsTheBuild() throws {
    let source = try F.lesson(
      replacing: "answer: wide.count_params()\n", with: "answer: wide.count_params(\n")
    let run = LessonRunner(exerciseEvaluator: ExerciseCardEvaluator()).run(
      F.read(source), sourceFile: "broken.md")
    #expect(run.diagnostics.count == 1)
    #expect(run.diagnostics.first?.line == 32)
    #expect(run.diagnostics.first?.message.contains("exercise 'wide-params'") == true)
  }

  @Test func starterScriptRebuildsTheStarterModel() throws {
    let session = F.session(runningCellsOf: try F.lessonSource())
    guard case .model(let wide)? = session.globals["wide"] else {
      Issue.record("no model wide")
      return
    }
    let script = try #require(StarterCode.script(for: wide))
    #expect(
      script == """
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(32, 32, 3)),
            layers.Conv2D(16, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dense(64, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ])

        """)
  }
}
