import Foundation
import LessonKit
import LessonRender

/// One lesson file of a folder, read for `build` and `verify`: the parsed lesson, or the diagnostic
/// that says why it cannot be read (so that it fails by name instead of becoming an empty page).
enum LessonFile {
  enum Loaded {
    case lesson(Lesson)
    case unreadable(Diagnostic)
  }

  static func load(_ file: URL, sourceFile: String) -> Loaded {
    do {
      let text = try TextFile.read(file.path)
      return .lesson(LessonReader.read(source: text, fileName: file.lastPathComponent))
    } catch {
      let (line, column) = error.position
      return .unreadable(
        Diagnostic(
          file: sourceFile, line: line, column: column,
          message: "cannot read this lesson: \(error.reason)"))
    }
  }

  /// What the page of an unreadable lesson shows instead of its content.
  static func unreadablePageBlock(_ diagnostic: Diagnostic) -> PageBlock {
    .failure(message: "\(diagnostic.location): \(diagnostic.message)")
  }
}
