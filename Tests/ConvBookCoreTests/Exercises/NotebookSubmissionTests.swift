import ConvBookCore
import Foundation
import Testing

/// Jupyter notebooks wherever a script is accepted: code cells in order, IPython lines skipped
/// with a note, errors at the notebook cell and line.
@Suite struct NotebookSubmissionTests {
  typealias F = ExerciseFixtures

  static func notebook(_ name: String) -> String {
    F.directory.appendingPathComponent("students/\(name).ipynb").path
  }

  @Test func notebookIsCheckedLikeItsScript() {
    let report = ExerciseCheck.check(
      lessonPath: F.lessonPath, exerciseID: "slim-design",
      submission: .file(Self.notebook("correct")))
    #expect(report.status == .correct)
    #expect(report.text.contains("(cell 2):1: skipped the IPython line '%matplotlib inline'"))
    #expect(report.text.contains("(cell 2):2: skipped the IPython line '!pip install tensorflow'"))
    let script = ExerciseCheck.check(
      lessonPath: F.lessonPath, exerciseID: "slim-design", submission: .file(F.student("correct")))
    #expect(
      report.text.split(separator: "\n").last == script.text.split(separator: "\n").last)
  }

  @Test func errorsPointAtTheCellAndItsLine() {
    let report = ExerciseCheck.check(
      lessonPath: F.lessonPath, exerciseID: "slim-design",
      submission: .file(Self.notebook("syntax-error")))
    #expect(report.status == .incorrect)
    #expect(report.text.contains("syntax-error.ipynb (cell 3):3:23: error: SyntaxError"))
  }

  @Test func notARealNotebookIsSaidSo() throws {
    let folder = try F.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("model.ipynb").path
    try "{\"x\": null}".write(toFile: path, atomically: true, encoding: .utf8)
    let report = ExerciseCheck.check(
      lessonPath: F.lessonPath, exerciseID: "slim-design", submission: .file(path))
    // A file that is there but cannot be read is the student's to fix: a wrong answer, exit 1.
    #expect(report.status == .incorrect)
    #expect(report.text.contains("is not a Jupyter notebook"))
    #expect(!report.text.contains("NameError"))
    do {
      _ = try ModelFile.load(path: path)
      Issue.record("loaded a broken notebook")
    } catch {
      #expect(error.description.contains("is not a Jupyter notebook"))
    }
  }

  @Test func summaryReadsANotebook() throws {
    let file = try ModelFile.load(path: Self.notebook("correct"))
    #expect(file.diagnostics.isEmpty)
    #expect(file.notes.count == 2)
    #expect(file.models().count == 1)
  }
}
