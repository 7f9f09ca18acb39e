import Foundation
import LessonKit
import LessonRender

/// What `convbook build` adds to a site for students, beside each page: the student lesson file
/// (``StudentLesson``). Kept apart from the page rendering so that the site builder only calls it.
enum StudentSiteFiles {
  /// The files written beside the page of `lesson`.
  static func files(source: String, lesson: Lesson, run: LessonRunner.Run, sourceFile: String)
    -> [(path: String, contents: Data)]
  {
    let name = StudentLesson.fileName(forLesson: lesson.fileName)
    let text = StudentLesson.text(
      source: source, lesson: lesson, session: run.session, file: sourceFile)
    let notebook = NotebookExport.notebook(source: source, lesson: lesson, session: run.session)
    return [
      (name, Data(text.utf8)),
      (NotebookExport.fileName(forLesson: lesson.fileName), Data(notebook.utf8)),
    ]
  }

  /// A line under the page's title linking the notebook and the student file.
  static func downloads(for lesson: Lesson) -> PageBlock {
    .downloads(
      notebook: NotebookExport.fileName(forLesson: lesson.fileName),
      studentFile: lesson.exercises.isEmpty
        ? nil : StudentLesson.fileName(forLesson: lesson.fileName))
  }

  /// The in-page answer check, written once per site.
  static var checkScript: (path: String, contents: Data) {
    (ExerciseCheckScript.fileName, Data(ExerciseCheckScript.source.utf8))
  }

  /// The page's blocks without the cells that hold exercise solutions (unless solutions are shown).
  /// And the downloads line after the first block (the title).
  static func pageBlocks(_ blocks: [PageBlock], lesson: Lesson, showSolutions: Bool) -> [PageBlock]
  {
    var kept = blocks.filter {
      if case .cell(let cell) = $0 {
        return showSolutions || !cell.options.contains(StudentLesson.solutionCellFlag)
      }
      return true
    }
    kept.insert(downloads(for: lesson), at: min(1, kept.count))
    return kept
  }
}
