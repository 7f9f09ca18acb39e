import Foundation
import LessonKit
import LessonRender

/// What `convbook build` adds to a site for students, beside each page: the student lesson file
/// (``StudentLesson``). Kept apart from the page rendering so that the site builder only calls it.
enum StudentSiteFiles {
  /// The files written beside the page of `lesson`.
  static func files(source: String, lesson: Lesson, run: LessonRunner.Run, sourceFile: String)
    -> (path: String, contents: Data)
  {
    let name = StudentLesson.fileName(forLesson: lesson.fileName)
    let text = StudentLesson.text(
      source: source, lesson: lesson, session: run.session, file: sourceFile)
    return (name, Data(text.utf8))
  }

  /// The in-page answer check, written once per site.
  static var checkScript: (path: String, contents: Data) {
    (ExerciseCheckScript.fileName, Data(ExerciseCheckScript.source.utf8))
  }

  /// The page's blocks without the cells that hold exercise solutions (unless solutions are shown).
  static func pageBlocks(_ blocks: [PageBlock], showSolutions: Bool) -> [PageBlock] {
    guard !showSolutions else { return blocks }
    return blocks.filter {
      if case .cell(let cell) = $0 { return !cell.options.contains(StudentLesson.solutionCellFlag) }
      return true
    }
  }
}
