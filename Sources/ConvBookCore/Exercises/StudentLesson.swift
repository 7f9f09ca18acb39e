import Foundation
import KerasCells
import LessonKit

/// The student version of a lesson (`01-intro.student.md`, written by `convbook build` beside the
/// page): the same Markdown, in which every answer key is sealed and every solution withheld, so
/// that students can check their answers against it without reading them.
///
/// - `answer:` (and `tolerance:`) become `sealed: v1 SALT KEY` (``SealedAnswer``): the same
///   verdicts and messages, and the key readable only as salted hashes.
/// - A design exercise's `solution:` becomes `sealed: design`; its requirements and starter stay.
/// - Cells marked `solution` (```` ```keras solution ````), which define solution models for
///   exercises, are left out, as they are left off the pages.
///
/// Prompts, hints, starters, requirements, prose and the other cells are unchanged, so `check`
/// and the other commands work on it as on the instructor's lesson.
public enum StudentLesson {
  /// The fence flag of a cell that holds an exercise's solution.
  public static let solutionCellFlag = "solution"

  /// `01-intro.md` → `01-intro.student.md` (a student file keeps its name).
  public static func fileName(forLesson name: String) -> String {
    let base = (name as NSString).lastPathComponent
    if base.hasSuffix(".student.md") { return base }
    let stem = base.hasSuffix(".md") ? String(base.dropLast(3)) : base
    return stem + ".student.md"
  }

  /// The student version of `source`, whose parsed form is `lesson`; `session` has run all of
  /// the lesson's cells (as exercises see it).
  public static func text(source: String, lesson: Lesson, session: KerasSession, file: String)
    -> String
  {
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Lesson line → its replacement (nil removes it). Lines keep their numbers until the end.
    var replacements: [Int: String?] = [:]

    for cell in lesson.cells where cell.hasFlag(solutionCellFlag) {
      for line in cell.position.startLine...max(cell.position.endLine, cell.position.startLine) {
        replacements[line] = .some(nil)
      }
    }
    for block in lesson.exercises {
      guard let fields = try? Exercise.separatingRepeatedHints(block).0.parseFields() else {
        continue
      }
      let exercise = try? Exercise(block: block)
      for field in fields where ["answer", "tolerance", "solution"].contains(field.key) {
        for line in fieldLines(field, in: block, lines: lines) { replacements[line] = .some(nil) }
      }
      guard let exercise else { continue }
      switch exercise.kind {
      case .value:
        guard let answerLine = fields.first(where: { $0.key == "answer" })?.line else { continue }
        let key = ExerciseKey(evaluating: exercise, in: session, file: file)
        // A broken key is reported by the build at its line; the student file just loses it.
        if let sealed = key.sealed {
          replacements[answerLine] = "sealed: " + sealed.fieldText(salt: key.salt)
        }
      case .design:
        if let solutionLine = fields.first(where: { $0.key == "solution" })?.line {
          replacements[solutionLine] = "sealed: design"
        }
      case .sealed:
        break
      }
    }
    var output: [String] = []
    for (index, line) in lines.enumerated() {
      if let replacement = replacements[index + 1] {
        if let text = replacement { output.append(text) }
      } else {
        output.append(line)
      }
    }
    lines = output
    return lines.joined(separator: "\n")
  }

  /// The lesson lines a field occupies: its own and the indented lines that continue it.
  static func fieldLines(_ field: ExerciseField, in block: ExerciseBlock, lines: [String]) -> [Int]
  {
    let blockEnd =
      block.contentStartLine
      + block.text.split(
        separator: "\n", omittingEmptySubsequences: false
      ).count - 1
    var result = [field.line]
    var next = field.line + 1
    while next <= blockEnd, next - 1 < lines.count {
      let text = lines[next - 1]
      guard let first = text.first, first == " " || first == "\t",
        !text.trimmingCharacters(in: .whitespaces).isEmpty
      else { break }
      result.append(next)
      next += 1
    }
    return result
  }
}
