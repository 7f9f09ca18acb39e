import ArgumentParser
import ConvBookCore
import Foundation

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build a folder of lessons into a static HTML site.",
    discussion: """
      Every .md file of LESSONS_DIR becomes one page, in file-name order (or the order of \
      LESSONS_DIR/course.yml's `lessons` list), plus index.html and \
      style.css. The site is written atomically: OUT is replaced only when the whole new site is \
      ready, and only if an earlier build wrote it. Restyle pages with LESSONS_DIR/theme/style.css \
      (appended to the default stylesheet) and LESSONS_DIR/theme/page.html (the page template).
      Exits with 1 when a lesson has errors; its page still shows them at the failing cell.
      """)

  @ArgumentParser.Argument(
    help:
      "The folder of lessons, or one lesson file (only it runs; the site's other pages are kept from the last build)."
  )
  var lessonsDirectory: String = "Lessons"

  @Option(name: .shortAndLong, help: "The folder to write the site into.")
  var out: String = "site"

  @Option(
    help:
      "Summary footer style: classic (Total params: 11,574,090) or modern (11574090 (44.15 MB)); default: course.yml's footer, else modern, as tf-keras 2.21 prints it."
  )
  var footer: SummaryFooterStyle?

  @Option(
    help: "The site's title, shown on every page; default: course.yml's title, else ConvBook.")
  var title: String?

  @Flag(help: "Show exercise answers and solutions on the pages (an instructors' build).")
  var solutions = false

  @OptionGroup var keras: KerasVersionOption

  @Flag(help: "Run every lesson, ignoring the execution cache (.convbook-cache/).")
  var noCache = false

  @OptionGroup var lessonTimeout: LessonTimeoutOption

  @Flag(help: .hidden)
  var inProcess = false

  func run() throws {
    var lessons = URL(fileURLWithPath: lessonsDirectory)
    var only: String?
    var isDirectory: ObjCBool = false
    if lessons.pathExtension.lowercased() == "md",
      FileManager.default.fileExists(atPath: lessons.path, isDirectory: &isDirectory),
      !isDirectory.boolValue
    {
      only = lessons.lastPathComponent
      lessons = lessons.deletingLastPathComponent()
    }
    // The footer: the option, else the course settings' (a broken course.yml is reported by the
    // build itself), else classic. Lesson processes get it from here.
    let footer = self.footer ?? (try? CourseSettings.load(from: lessons))?.footer ?? .default
    // The Keras version: --keras, else each lesson's keras= option, else the course's, else 3.
    let keras = KerasVersionSetting(
      commandLine: self.keras.version,
      course: (try? CourseSettings.load(from: lessons))?.kerasVersion.flatMap(
        KerasVersion.init(rawValue:)))
    var builder = SiteBuilder(
      runner: CommandSupport.runner(footer: footer, keras: keras, solutions: solutions),
      siteTitle: title, footer: footer, isInstructorCopy: solutions,
      cache: noCache ? nil : ExecutionCache())
    if !inProcess {
      builder.isolation = CommandSupport.isolation(
        footer: footer, keras: keras, solutions: solutions, timeout: lessonTimeout.seconds)
    }
    let output = URL(fileURLWithPath: out)
    let color = Terminal.useColor
    let report: SiteBuilder.Report
    do {
      report = try builder.build(lessonsDirectory: lessons, outputDirectory: output, only: only) {
        index, count, outcome in
        guard Terminal.stderrIsTerminal else { return }
        let status =
          outcome.diagnostics.isEmpty
          ? (color ? "\u{1B}[32mok\u{1B}[0m" : "ok")
          : (color ? "\u{1B}[31m" : "")
            + "\(outcome.diagnostics.count) error\(outcome.diagnostics.count == 1 ? "" : "s")"
            + (color ? "\u{1B}[0m" : "")
        Terminal.rawError(
          "[\(index)/\(count)] \(TerminalText.escaped(outcome.sourceFile))  \(status)  (\(outcome.cellCount) cells)\n"
        )
      }
    } catch {
      if case .settings(let diagnostic) = error {
        // A mistake in course.yml: its place and the line with a caret, as a lesson's error.
        Terminal.printDiagnostics([diagnostic])
        throw ExitCode(1)
      }
      CommandFailure(
        message: error.description,
        code: {
          switch error {
          case .write(.notASite), .write(.containsInput): return 2
          case .write, .theme, .unreadableAsset, .settings: return 1
          case .noLessons, .unreadableFolder: return 2
          }
        }()
      ).exit()
    }
    let failing = report.failingLessons
    for lesson in failing { Terminal.printDiagnostics(lesson.diagnostics) }
    Terminal.output(
      "Built \(report.lessons.count) lesson page\(report.lessons.count == 1 ? "" : "s") into \(out)/ (open \(out)/index.html)"
    )
    if !failing.isEmpty {
      Terminal.error("\(failing.count) lesson\(failing.count == 1 ? " has" : "s have") errors:\n")
      let lines = failing.map { lesson in
        "  \(TerminalText.escaped(lesson.sourceFile)): \(lesson.diagnostics.count) error\(lesson.diagnostics.count == 1 ? "" : "s")"
      }
      for line in TerminalText.truncatedList(lines, limit: 100) { Terminal.error(line + "\n") }
    }
    if let problem = report.cleanupProblem {
      Terminal.error("convbook: \(problem)\n")
    }
    if !failing.isEmpty || report.cleanupProblem != nil { throw ExitCode(1) }
  }
}

extension SummaryFooterStyle: ExpressibleByArgument {}
