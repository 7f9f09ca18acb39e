import ConvBookCore
import Foundation
import KerasCells
import LessonKit
import Testing

@testable import ConvBookCore

/// The sealed answer keys of student lesson files: SHA-256 itself, the literal reading of answers,
/// the tolerance grid, and the student file giving the instructor's verdicts without the answers.
@Suite struct SealedAnswerTests {
  typealias F = ExerciseFixtures

  @Test func sha256MatchesTheStandardVectors() {
    #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex(String(repeating: "a", count: 1_000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }

  @Test(arguments: [
    ("11508137 + 1", "'11508137 + 1'"),
    ("53 * 53", "'53 * 53'"),
    ("11_574_090", "11574090"),
    ("-0.5", "-0.5"),
    ("1e-3", "0.001"),
    ("(None, 53, 53, 64)", "(None, 53, 53, 64)"),
    ("None, 10", "(None, 10)"),
    ("[None, 10]", "[None, 10]"),
    ("'dense_1'", "'dense_1'"),
    ("__import__('os')", "\"__import__('os')\""),
  ])
  func answersAreLiteralsNeverExpressions(typed: String, read: String) {
    #expect(PythonValueText.repr(StudentAnswer(typed).value) == read)
  }

  @Test func textIsComparedWithItsWhitespaceCollapsed() {
    #expect(
      AnswerComparison.compare(
        expected: .string("global average"), given: .string(" global   average ")) == .correct)
  }

  @Test func toleranceGridAcceptsTheMarginWidenedByLessThanATwentieth() {
    let expected = Value.float(374.69255663430423)
    for tolerance in [0.01, 0.001, 0.2] {
      let margin = tolerance * 374.69255663430423
      for offset in stride(from: -1.2, through: 1.2, by: 0.01) {
        let given = 374.69255663430423 + offset * margin
        let verdict = AnswerComparison.compare(
          expected: expected, given: .float(given), tolerance: tolerance)
        if abs(offset) <= 0.999 { #expect(verdict == .correct, "offset \(offset) of \(tolerance)") }
        if abs(offset) > 1.051 { #expect(verdict != .correct, "offset \(offset) of \(tolerance)") }
      }
    }
    #expect(AnswerComparison.compare(expected: .float(0), given: .float(0.009)) == .correct)
    #expect(AnswerComparison.compare(expected: .float(0), given: .float(0.02)) != .correct)
  }

  @Test func sealedKeysSurviveTheirTextForm() {
    let salt = SealedAnswer.salt(forExercise: "x")
    for value: Value in [
      .int(11_574_090), .float(374.69), .string("Dense_1"), .bool(true), .none,
      .tuple([.none, .int(53), .int(53), .int(64)]), .tuple([.float(0.5), .string("a b")]),
    ] {
      let key = SealedAnswer.seal(value, tolerance: 0.01, salt: salt)
      let parsed = SealedAnswer.parse(fieldText: key.fieldText(salt: salt))
      #expect(parsed?.key == key)
      #expect(parsed?.salt == salt)
    }
    #expect(SealedAnswer.parse(fieldText: "v1 zz int:00") == nil)
  }

  // MARK: Student files

  static func studentFile(of lessonURL: URL) throws -> String {
    let source = try String(contentsOf: lessonURL, encoding: .utf8)
    let lesson = LessonReader.read(source: source, fileName: lessonURL.lastPathComponent)
    return StudentLesson.text(
      source: source, lesson: lesson,
      session: ExerciseCardEvaluator.sessionAfterAllCells(of: lesson), file: lessonURL.path)
  }

  static let sealedLesson = F.directory.appendingPathComponent("sealed-lesson.md")

  @Test func studentFileHidesAnswersAndSolutions() throws {
    let student = try Self.studentFile(of: Self.sealedLesson)
    for secret in [
      "answer:", "(28 - 3) // 2 + 1", "count_params() / 10", "seven_solution", "GlobalMaxPooling2D",
      "Conv2D(7, 5", "solution:", "tolerance:", "'dense'", "(None, 10)",
    ] {
      #expect(!student.contains(secret), "the student file shows \(secret)")
    }
    for kept in [
      "prompt: What is the height", "- model.count_params() < 1000", "starter: base", "points: 2",
    ] {
      #expect(student.contains(kept), "the student file lost \(kept)")
    }
  }

  /// Right, wrong and malformed answers get the same verdicts and messages from both files.
  @Test func studentFileGivesTheInstructorsVerdicts() throws {
    for lessonURL in [Self.sealedLesson, F.lessonURL] {
      let folder = try F.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: folder) }
      let studentURL = folder.appendingPathComponent("lesson.student.md")
      try Self.studentFile(of: lessonURL).write(to: studentURL, atomically: true, encoding: .utf8)
      let answers = [
        "13", "13.0", "12", "13.5", "thirteen", "(13,)", "", "1e1", "11508137 + 1",
        "8.1", "8.1009", "8.11", "8", "-8.1", "dense", "'dense'", "Dense", " dense ", "dense_1",
        "(None, 10)", "None, 10", "(10,)", "(None, 11)", "(None, 10, 1)", "10", "True", "None",
        "23,050", "23050", "2,986", "231562 / 618", "(None, 15, 15, 16)", "(15, 15, 16)",
        "(None, 15, 16, 16)", "374.7", "37.3", "0",
      ]
      let lesson = try String(contentsOf: lessonURL, encoding: .utf8)
      let ids = LessonReader.read(source: lesson, fileName: "l.md").exercises.compactMap {
        try? Exercise(block: $0)
      }
      for exercise in ids {
        let submissions: [ExerciseCheck.Submission] =
          exercise.isDesign
          ? ["correct", "wrong", "syntax-error", "no-model"].map { .file(F.student($0)) }
          : answers.map { .value($0) }
        for submission in submissions {
          let instructor = ExerciseCheck.check(
            lessonPath: lessonURL.path, exerciseID: exercise.id, submission: submission)
          let student = ExerciseCheck.check(
            lessonPath: studentURL.path, exerciseID: exercise.id, submission: submission)
          #expect(instructor.status == student.status, "\(exercise.id) \(submission)")
          #expect(
            instructor.text.replacingOccurrences(of: lessonURL.path, with: "LESSON")
              == student.text.replacingOccurrences(of: studentURL.path, with: "LESSON"),
            "\(exercise.id) \(submission)")
        }
      }
    }
  }

  @Test func builtSiteHasStudentFilesAndNoSolutionCells() throws {
    let folder = try F.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lessons = folder.appendingPathComponent("Lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Self.sealedLesson, to: lessons.appendingPathComponent("sealed-lesson.md"))
    let runner = LessonRunner(exerciseEvaluator: ExerciseCardEvaluator())
    let report = try SiteBuilder(runner: runner).build(
      lessonsDirectory: lessons, outputDirectory: folder.appendingPathComponent("site"))
    #expect(report.failingLessons.isEmpty)
    let page = try String(
      contentsOf: folder.appendingPathComponent("site/sealed-lesson.html"), encoding: .utf8)
    let student = try String(
      contentsOf: folder.appendingPathComponent("site/sealed-lesson.student.md"), encoding: .utf8)
    #expect(student == (try Self.studentFile(of: Self.sealedLesson)))
    #expect(page.contains("href=\"sealed-lesson.student.md\""))
    #expect(page.contains("convbook check sealed-lesson.student.md conv-out ANSWER"))
    for secret in ["seven_solution", "GlobalMaxPooling2D", "(28 - 3) // 2 + 1"] {
      #expect(!page.contains(secret), "the page shows \(secret)")
    }
  }
}
