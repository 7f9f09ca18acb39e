import ConvBookCore
import Foundation
import LessonKit
import Testing

/// A lesson's process that crashes, answers nonsense or hangs fails that lesson alone, by name.
@Suite struct LessonIsolationTests {
  static func job(_ mode: LessonJob.Mode, _ path: String = "/nowhere/l.md") -> LessonJob {
    LessonJob(
      mode: mode, path: path, sourceFile: "Lessons/l.md", pageFileName: "l.html",
      next: LessonJob.Link(title: "Next", href: "n%23.html"))
  }

  static func shell(_ script: String, wallClock: Double? = 60) -> LessonIsolation {
    LessonIsolation(
      executable: URL(fileURLWithPath: "/bin/bash"), arguments: ["-c", script],
      wallClockLimit: wallClock)
  }

  @Test func aCrashedChildIsADiagnosticOfItsLesson() {
    let result = Self.shell("echo 'Fatal error: Array index out of range' >&2; kill -SEGV $$")
      .run(Self.job(.page))
    let diagnostic = result.diagnostics.first
    #expect(result.diagnostics.count == 1)
    #expect(diagnostic?.file == "Lessons/l.md")
    #expect(diagnostic?.message.contains("crashed while running this lesson (signal 11") == true)
    #expect(diagnostic?.message.contains("Fatal error: Array index out of range") == true)
    // The page still exists, shows the error and keeps its navigation.
    #expect(result.html?.contains("crashed while running this lesson") == true)
    #expect(result.html?.contains("n%23.html") == true)
  }

  @Test func aChildWithoutAResultOrOutOfTimeFails() {
    let garbage = Self.shell("cat >/dev/null; echo '{not json'").run(Self.job(.verify))
    #expect(garbage.diagnostics.first?.message.contains("ended without a result") == true)
    #expect(garbage.html == nil)
    let start = Date()
    let hung = Self.shell("exec sleep 30", wallClock: 0.5).run(Self.job(.verify))
    #expect(Date().timeIntervalSince(start) < 10)
    #expect(hung.diagnostics.first?.message.contains("did not finish within") == true)
  }

  @Test func aChildThatComputesPastItsProcessorTimeFailsItsLesson() {
    let isolation = LessonIsolation(
      executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "while :; do :; done"],
      timeout: 1)
    let result = isolation.run(Self.job(.verify))
    #expect(
      result.diagnostics.first?.message
        == "this lesson used more than 1 second of processor time and was stopped (ConvBook's limit per lesson; raise it with --lesson-timeout)"
    )
    #expect(result.failedOutsideTheLesson == true, "never cached")
  }

  /// A lesson the session's time budget stops gets no page of what it computed so far (where it
  /// stops depends on the machine's speed: TraceStatisticsTests' two builds of lesson 14 once
  /// differed): it fails as a whole, is never cached, and nothing after the stop runs.
  @Test func aLessonStoppedByItsTimeBudgetFailsAsAWhole() throws {
    let dir = try FileSafetyTests.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lesson = dir.appendingPathComponent("l.md")
    try
      "# Slow\n\n```keras\nprint('before')\nwhile True: pass\n```\n\n```keras\nprint('after')\n```\n"
      .write(to: lesson, atomically: false, encoding: .utf8)
    var runner = LessonRunner()
    runner.timeBudget = 0.2
    #expect(LessonRunner().timeBudget == 60)
    let result = Self.job(.page, lesson.path).execute(runner: runner)
    #expect(result.failedOutsideTheLesson == true, "never cached")
    #expect(
      result.diagnostics.map(\.message) == [
        "ConvBook stopped this cell: it ran longer than the 0.2 s time budget"
      ])
    #expect(result.diagnostics.first?.line == 5)
    #expect(result.diagnostics.first?.hint?.contains("builds no page") == true)
    let page = try #require(result.html)
    #expect(page.contains("time budget") && !page.contains("before"))
    #expect(page.contains("n%23.html"))
    let run = runner.run(
      LessonReader.read(source: try String(contentsOf: lesson, encoding: .utf8), fileName: "l.md"),
      sourceFile: "l.md")
    #expect(run.ranOutOfTime && run.diagnostics.count == 1)
  }

  /// The real child gives exactly what running in this process gives.
  @Test(
    .enabled(if: CheckCommandLineTests.executable != nil, "the convbook executable is not built"))
  func theChildAgreesWithTheInProcessRun() throws {
    let dir = try FileSafetyTests.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lesson = dir.appendingPathComponent("l.md")
    try (FileSafetyTests.lesson + "\n```keras\nmodel.add(layers.Conv2D(1, 3))\n```\n").write(
      to: lesson, atomically: false, encoding: .utf8)
    let isolation = LessonIsolation(
      executable: CheckCommandLineTests.executable!, arguments: ["_lesson"])
    for mode in [LessonJob.Mode.page, .verify] {
      let job = Self.job(mode, lesson.path)
      let child = isolation.run(job)
      let here = job.execute(runner: LessonRunner())
      #expect(child.diagnostics == here.diagnostics)
      #expect(child.diagnostics.count == 1)
      #expect(child.cellCount == 2)
      if mode == .page { #expect(child.html == here.html) }
    }
  }
}
