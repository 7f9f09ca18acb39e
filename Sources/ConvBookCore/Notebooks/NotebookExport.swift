import Foundation
import KerasCells
import LessonKit

/// `convbook export LESSON --ipynb`: the lesson as a Jupyter notebook for students who want to run
/// it in real Keras (Jupyter, Colab): prose as Markdown cells, with `{keras}` values computed, Keras
/// cells as code cells, figures as a note pointing at the page, and exercises as Markdown cards
/// (prompt, hints, the command that checks an answer; never the answer). Cells marked `solution`
/// are left out, as on the pages.
public enum NotebookExport {
  /// `01-intro.md` (or `.student.md`) → `01-intro.ipynb`.
  public static func fileName(forLesson name: String) -> String {
    var base = (name as NSString).lastPathComponent
    for suffix in [".student.md", ".md"] where base.hasSuffix(suffix) {
      base = String(base.dropLast(suffix.count))
      break
    }
    return base + ".ipynb"
  }

  /// The notebook's JSON text (nbformat 4), deterministic.
  public static func notebook(source: String, lesson: Lesson, session: KerasSession) -> String {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var cells: [JSONValue] = []
    var markdown: [String] = []
    func flushMarkdown() {
      while markdown.last?.trimmingCharacters(in: .whitespaces).isEmpty == true {
        markdown.removeLast()
      }
      if !markdown.isEmpty { cells.append(cell("markdown", markdown)) }
      markdown = []
    }
    func addMarkdown(_ text: [String]) {
      if !markdown.isEmpty { markdown.append("") }
      markdown += text
    }
    let studentFile = StudentLesson.fileName(forLesson: lesson.fileName)
    for block in lesson.blocks {
      switch block {
      case .prose(let node):
        let start = max(node.position.startLine, 1)
        let end = min(max(node.position.endLine, start), lines.count)
        guard start <= end else { continue }
        addMarkdown(lines[(start - 1)..<end].map { inlineValues(in: $0, session: session) })
      case .cell(let code):
        guard !code.hasFlag(StudentLesson.solutionCellFlag) else { continue }
        flushMarkdown()
        var codeLines = code.source.split(separator: "\n", omittingEmptySubsequences: false).map(
          String.init)
        if codeLines.last == "" { codeLines.removeLast() }
        // ConvBook's own data set travels with the notebook as plain NumPy code.
        codeLines = codeLines.flatMap { line -> [String] in
          line == ShapesDatasetExport.importLine
            ? ShapesDatasetExport.python.split(separator: "\n", omittingEmptySubsequences: false)
              .map(String.init) : [line]
        }
        cells.append(cell("code", codeLines))
      case .figure(let figure):
        let call = figure.text.trimmingCharacters(in: .whitespacesAndNewlines)
        addMarkdown([
          "*Figure `\(call)`: drawn by ConvBook on the lesson's page.*"
        ])
      case .exercise(let block):
        guard let exercise = try? Exercise(block: block) else { continue }
        var card = [
          "**Exercise `\(exercise.id)`**"
            + (exercise.points == 1 ? "" : " (\(exercise.points) points)")
        ]
        if !exercise.prompt.isEmpty {
          card += ["", inlineValues(in: exercise.prompt, session: session)]
        }
        if case .design(_, let requirements, _) = exercise.kind {
          card += ["", "Your model (the variable `model`) must meet:"]
          card += requirements.map { "- `\($0.text)`" }
        }
        for hint in exercise.hints { card += ["", "> Hint: \(hint)"] }
        card += [
          "",
          "Check your answer: `"
            + ExerciseCheck.command(lesson: studentFile, id: exercise.id, design: exercise.isDesign)
            + "`",
        ]
        addMarkdown(card)
      }
    }
    flushMarkdown()
    let document = JSONValue.object([
      ("cells", .array(cells)),
      (
        "metadata",
        .object([
          (
            "kernelspec",
            .object([
              ("display_name", .string("Python 3")), ("language", .string("python")),
              ("name", .string("python3")),
            ])
          ),
          ("language_info", .object([("name", .string("python"))])),
        ])
      ),
      ("nbformat", .int(4)), ("nbformat_minor", .int(5)),
    ])
    return document.serialized(pretty: true) + "\n"
  }

  private static func cell(_ type: String, _ lines: [String]) -> JSONValue {
    let source = lines.enumerated().map { index, line in
      JSONValue.string(index + 1 < lines.count ? line + "\n" : line)
    }
    if type == "code" {
      return .object([
        ("cell_type", .string("code")), ("execution_count", .null), ("metadata", .object([])),
        ("outputs", .array([])), ("source", .array(source)),
      ])
    }
    return .object([
      ("cell_type", .string(type)), ("metadata", .object([])), ("source", .array(source)),
    ])
  }

  /// `` `{keras} expr` `` replaced by the value the lesson computes (with the lesson's models as
  /// they are after its last cell).
  static func inlineValues(in line: String, session: KerasSession) -> String {
    var text = line
    var searchStart = text.startIndex
    while let open = text.range(of: "`{keras} ", range: searchStart..<text.endIndex),
      let close = text.range(of: "`", range: open.upperBound..<text.endIndex)
    {
      let expression = String(text[open.upperBound..<close.lowerBound])
      guard let value = try? InlineFormat.evaluate(expression, in: session) else {
        searchStart = close.upperBound
        continue
      }
      let formatted = InlineFormat.text(of: value)
      text.replaceSubrange(open.lowerBound..<close.upperBound, with: formatted)
      searchStart = text.index(open.lowerBound, offsetBy: formatted.count)
    }
    return text
  }
}
