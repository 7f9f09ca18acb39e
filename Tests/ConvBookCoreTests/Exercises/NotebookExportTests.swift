import ConvBookCore
import Foundation
import LessonKit
import Testing

/// `convbook export --ipynb`: prose as Markdown, cells as code, exercises without answers, no
/// solution cells, and the notebook reads back as the same models.
@Suite struct NotebookExportTests {
  typealias F = ExerciseFixtures

  static func export(_ url: URL) throws -> String {
    let source = try String(contentsOf: url, encoding: .utf8)
    let lesson = LessonReader.read(source: source, fileName: url.lastPathComponent)
    return NotebookExport.notebook(
      source: source, lesson: lesson,
      session: ExerciseCardEvaluator.sessionAfterAllCells(of: lesson))
  }

  @Test func notebookHasTheLessonsCellsAndNoAnswers() throws {
    let url = F.directory.appendingPathComponent("sealed-lesson.md")
    let text = try Self.export(url)
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let cells = try #require(root["cells"] as? [[String: Any]])
    #expect(cells.first?["cell_type"] as? String == "markdown")
    let code = cells.filter { $0["cell_type"] as? String == "code" }
    #expect(code.count == 1, "the solution cell is left out")
    for secret in [
      "seven_solution", "GlobalMaxPooling2D", "(28 - 3) // 2 + 1", "sealed:", "tolerance",
    ] {
      #expect(!text.contains(secret), "the notebook shows \(secret)")
    }
    #expect(text.contains("convbook check sealed-lesson.student.md conv-out ANSWER"))
    #expect(text == (try Self.export(url)), "deterministic")
  }

  @Test func exportedLessonDefinesTheSameModels() throws {
    let url = F.lessonsDirectory.appendingPathComponent("05-flatten-or-global-pooling.md")
    let folder = try F.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let notebook = folder.appendingPathComponent("lesson.ipynb")
    try Self.export(url).write(to: notebook, atomically: true, encoding: .utf8)
    let exported = try ModelFile.load(path: notebook.path)
    let original = try ModelFile.load(path: url.path)
    #expect(exported.diagnostics.isEmpty)
    // The lesson's `keras solution` cell (the 112×112 variant the exercises ask about and the
    // design exercise's solution) is left out of the notebook, as out of the student file; every
    // other model is the same.
    let lesson = try #require(original.lesson)
    let solutionCells = Set(
      lesson.cells.indices.filter { lesson.cells[$0].hasFlag(StudentLesson.solutionCellFlag) })
    let solutionModels = original.models().filter { solutionCells.contains($0.cellIndex) }
    #expect(solutionModels.map(\.model.name) == ["flatten_head_112", "small_flatten_head"])
    for solution in solutionModels {
      #expect(!(try Self.export(url)).contains(solution.model.name))
    }
    let publicModels = original.models().filter { !solutionCells.contains($0.cellIndex) }
    #expect(exported.models().map(\.model.name) == publicModels.map(\.model.name))
    #expect(
      exported.models().map { try? $0.model.countParams() }
        == publicModels.map { try? $0.model.countParams() })
    #expect(!(try Self.export(url)).contains("{keras}"), "inline values are computed")
  }
}
