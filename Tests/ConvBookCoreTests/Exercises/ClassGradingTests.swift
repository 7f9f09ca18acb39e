import ConvBookCore
import Foundation
import Testing

/// `convbook grade` over the class in `Fixtures/class`: answers files, a notebook, a syntax error,
/// a shape error, an endless loop, an unreadable answers file and an empty folder.
@Suite struct ClassGradingTests {
  typealias F = ExerciseFixtures

  static let classFolder = F.directory.appendingPathComponent("class").path

  static func grade() throws -> ClassGrader.Report {
    guard let executable = CheckCommandLineTests.executable else {
      throw CocoaError(.fileNoSuchFile)
    }
    let grader = ClassGrader(
      lessonPath: F.lessonPath, submissionsDirectory: classFolder, executable: executable,
      budget: .init(seconds: 4, memoryMegabytes: 4096))
    return try grader.grade().get()
  }

  @Test(
    .enabled(if: CheckCommandLineTests.executable != nil, "the convbook executable is not built"))
  func everyStudentGetsTheirPointsAndHostileOnesAreContained() throws {
    let report = try Self.grade()
    let rows = Dictionary(uniqueKeysWithValues: report.students.map { ($0.name, $0) })
    #expect(
      report.exerciseIDs == ["wide-params", "pool-shape", "last-layer", "ratio", "slim-design"])
    #expect(rows["alice"]?.points == [1, 1, 1, 1, 1])
    #expect(rows["bob"]?.points == [1, 0, 0, 0, 1], "the notebook")
    #expect(rows["carol"]?.points == [0, 0, 0, 1, 0], "'231562 + 0' is not a number; syntax error")
    #expect(rows["dave"]?.total == 0)
    // TOML has no None: `[None, 15]` is refused where the None stands.
    #expect(rows["dave"]?.reason?.contains("answers.toml:2:15") == true)
    // The endless loop is stopped by the interpreter's time budget, or else by the time limit.
    #expect(rows["erin"]?.points[4] == 0)
    #expect(
      rows["erin"]?.feedback.contains("ConvBook stopped this cell: it ran longer than") == true
        || rows["erin"]?.reason?.contains("time limit") == true)
    #expect(rows["frank"]?.reason == "no answers.toml and no notebook in frank/")
    #expect(rows["grace"]?.points == [1, 0, 0, 0, 0], "a shape error in the model")
    #expect(rows["carol"]?.feedback.contains("Perhaps you forgot a comma?") == true)
    #expect(rows["carol"]?.feedback.contains("names are case-sensitive") == true)
    #expect(rows["bob"]?.feedback.contains("skipped the IPython line '%matplotlib inline'") == true)
  }

  @Test(
    .enabled(if: CheckCommandLineTests.executable != nil, "the convbook executable is not built"))
  func theCSVIsTheSameBytesEveryRun() throws {
    let first = try Self.grade().csv
    #expect(first == (try Self.grade().csv))
    #expect(
      first.hasPrefix("student,wide-params,pool-shape,last-layer,ratio,slim-design,total,note\n"))
    #expect(first.contains("\nalice,1,1,1,1,1,5,\n"))
  }
}
