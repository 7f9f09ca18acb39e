import ConvBookCore
import Foundation
import LessonKit
import Testing

/// What every lesson of the bundled course must have (issue 14): at least two figures, and at
/// least three exercises of at least two kinds, one of them a design exercise with requirements.
@Suite struct BundledCourseShapeTests {
  static let lessons = BrowserCheckTests.repositoryRoot.appendingPathComponent("Lessons")

  static func lessonFiles() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: lessons, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "md" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  @Test func everyLessonHasFiguresAndExercisesOfSeveralKinds() throws {
    let files = try Self.lessonFiles()
    #expect(files.count >= 12)
    for file in files {
      let name = file.lastPathComponent
      let lesson = LessonReader.read(source: try TextFile.read(file.path), fileName: name)
      #expect(lesson.figures.count >= 2, "\(name) has \(lesson.figures.count) figures")
      let exercises = LessonExercises(lesson: lesson, lessonPath: file.path)
      #expect(exercises.broken.isEmpty, "\(name): \(exercises.broken)")
      let kinds = exercises.keys.map(LessonExercises.kindWord(of:))
      #expect(kinds.count >= 3, "\(name) has \(kinds.count) exercises")
      #expect(Set(kinds).count >= 2, "\(name) has exercises of one kind only: \(kinds)")
      #expect(kinds.contains("design"), "\(name) has no design exercise")
      #expect(
        kinds.contains("number") || kinds.contains("shape"),
        "\(name) has no number or shape exercise: \(kinds)")
      for key in exercises.keys where key.exercise.isDesign {
        guard case .design(_, let requirements, let solution) = key.exercise.kind else { continue }
        #expect(!requirements.isEmpty, "\(name): '\(key.exercise.id)' has no requirements")
        #expect(solution != nil, "\(name): '\(key.exercise.id)' has no solution")
      }
    }
  }
}
