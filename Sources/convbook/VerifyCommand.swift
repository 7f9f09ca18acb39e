import ArgumentParser
import ConvBookCore
import Foundation

struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Run every lesson and check its exercises, without writing a site (for instructors).",
    discussion: """
      Fails (exit 1), naming lesson, line and exercise id, when a cell, an inline {keras} value or a \
      figure fails, an exercise block is malformed or repeats an id, an answer does not evaluate, a \
      requirement is not a condition, a solution misses its own requirements or a starter already \
      meets them. Prints one summary line per lesson; exits with 2 for usage errors.
      """)

  @Argument(help: "The folder of lessons, or one lesson file.")
  var lessons: String = "Lessons"

  @OptionGroup var keras: KerasVersionOption

  @OptionGroup var lessonTimeout: LessonTimeoutOption

  @Flag(help: .hidden)
  var inProcess = false

  @Flag(help: "Run every lesson, ignoring the execution cache (.convbook-cache/).")
  var noCache = false

  func run() throws {
    // --keras, else each lesson's keras= option, else the course's (course.yml), else 3.
    let setting = keras.setting.withCourse(of: lessons)
    var verifier = LessonVerifier(runner: CommandSupport.runner(keras: setting))
    if !inProcess {
      verifier.isolation = CommandSupport.isolation(
        footer: .default, keras: setting, solutions: false, timeout: lessonTimeout.seconds)
    }
    verifier.cache = noCache ? nil : ExecutionCache()
    let outcomes: [LessonVerifier.Outcome]
    do {
      outcomes = try verifier.verify(path: URL(fileURLWithPath: lessons))
    } catch {
      CommandFailure.usage(error.description).exit()
    }
    for outcome in outcomes {
      Terminal.printDiagnostics(outcome.diagnostics)
      Terminal.output(outcome.summaryLine)
    }
    let failing = outcomes.filter { !$0.passed }
    if !failing.isEmpty {
      Terminal.error(
        "\(failing.count) of \(outcomes.count) lesson\(outcomes.count == 1 ? "" : "s") failed verification:\n"
      )
      let lines = failing.map { outcome in
        "  \(TerminalText.escaped(outcome.sourceFile)): \(outcome.diagnostics.count) error\(outcome.diagnostics.count == 1 ? "" : "s")"
      }
      for line in TerminalText.truncatedList(lines, limit: 100) { Terminal.error(line + "\n") }
      throw ExitCode(1)
    }
  }
}
