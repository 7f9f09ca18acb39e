import ArgumentParser
import ConvBookCore
import Foundation

/// `convbook _lesson`: runs one lesson job read as JSON from standard input and writes the result as
/// JSON to standard output. `build` and `verify` start one per lesson (`LessonIsolation`), so that
/// a lesson that crashes or runs away takes only its own process down. Not for people.
struct LessonJobCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "_lesson", abstract: "Run one lesson job (used by build and verify).",
    shouldDisplay: false)

  @Option var footer: SummaryFooterStyle = .default
  @Flag var solutions = false
  @OptionGroup var keras: KerasVersionOption
  /// The course's Keras version (course.yml), which a lesson's own `keras=` overrides.
  @Option var courseKeras: KerasVersion?
  /// The lesson session's time budget in processor seconds: never below the process's own limit
  /// (`--lesson-timeout`), which would otherwise never be the one that stops a lesson.
  @Option var timeBudget: Double?

  func run() throws {
    let request = FileHandle.standardInput.readDataToEndOfFile()
    guard let job = try? JSONDecoder().decode(LessonJob.self, from: request) else {
      CommandFailure.usage("_lesson expects a lesson job as JSON on standard input").exit()
    }
    var runner = CommandSupport.runner(
      footer: footer,
      keras: KerasVersionSetting(commandLine: keras.version, course: courseKeras),
      solutions: solutions)
    if let timeBudget, timeBudget > runner.timeBudget { runner.timeBudget = timeBudget }
    let result = job.execute(runner: runner)
    Terminal.writeAll(Array(try JSONEncoder().encode(result)), to: STDOUT_FILENO)
  }
}

extension CommandSupport {
  /// Every lesson of `build` and `verify` in a child process of this very executable.
  static func isolation(
    footer: SummaryFooterStyle, keras: KerasVersionSetting = .init(), solutions: Bool,
    timeout: Double
  )
    -> LessonIsolation?
  {
    guard let executable = Bundle.main.executableURL else { return nil }
    var arguments = ["_lesson", "--footer", footer.rawValue]
    if solutions { arguments.append("--solutions") }
    if let version = keras.commandLine { arguments += ["--keras", String(version.rawValue)] }
    if let version = keras.course { arguments += ["--course-keras", String(version.rawValue)] }
    arguments += ["--time-budget", String(timeout)]
    return LessonIsolation(executable: executable, arguments: arguments, timeout: timeout)
  }
}
