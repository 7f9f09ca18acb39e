import ConvBookCore
import Foundation
import KerasCells
import LessonKit
import TestSupport
import Testing

/// The exercise fixtures next to this file, and golden-file comparison.
enum ExerciseFixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  static let lessonURL = directory.appendingPathComponent("exercise-lesson.md")
  static var lessonPath: String { lessonURL.path }
  /// The repository's `Lessons` folder.
  static let lessonsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Lessons")

  static func student(_ name: String) -> String {
    directory.appendingPathComponent("students/\(name).py").path
  }

  static func lessonSource() throws -> String {
    try String(contentsOf: lessonURL, encoding: .utf8)
  }

  /// Output with the machine-dependent fixture folder written as `Fixtures/`.
  static func portable(_ text: String) -> String {
    text.replacingOccurrences(of: directory.path + "/", with: "Fixtures/")
  }

  /// Compares `actual` with `golden/NAME` (``GoldenFile``).
  static func expectGolden(
    _ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  )
    throws
  {
    try GoldenFile.check(
      portable(actual), file: directory.appendingPathComponent("golden/\(name)"),
      name: "golden/\(name)", sourceLocation: sourceLocation)
  }

  static func check(_ id: String, answer: String) -> ExerciseCheckReport {
    ExerciseCheck.check(lessonPath: lessonPath, exerciseID: id, submission: .value(answer))
  }

  static func check(_ id: String, file student: String) -> ExerciseCheckReport {
    ExerciseCheck.check(
      lessonPath: lessonPath, exerciseID: id, submission: .file(self.student(student)))
  }

  /// Verifies lesson text as `convbook verify` does (figures included).
  static func verify(_ source: String, fileName: String = "lesson.md") -> LessonVerifier.Outcome {
    let verifier = LessonVerifier(runner: LessonRunner(figureEvaluator: FigureEvaluator()))
    return verifier.verify(
      lesson: LessonReader.read(source: source, fileName: fileName), sourceFile: fileName)
  }

  /// The fixture lesson with `old` replaced by `new` (a broken copy).
  static func lesson(replacing old: String, with new: String) throws -> String {
    let source = try lessonSource()
    #expect(source.contains(old), "the fixture no longer contains \(old)")
    return source.replacingOccurrences(of: old, with: new)
  }

  static func read(_ source: String, fileName: String = "lesson.md") -> Lesson {
    LessonReader.read(source: source, fileName: fileName)
  }

  /// A session after every cell of the lesson `source`.
  static func session(runningCellsOf source: String) -> KerasSession {
    let session = KerasSession(kerasVersion: .keras2)
    for cell in read(source).cells { session.run(cell.source) }
    return session
  }

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-exercises-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
