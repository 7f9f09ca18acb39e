import Foundation
import KerasCells
import LessonKit
import LessonRender

/// `convbook build`: every lesson of a folder into one browsable site, written atomically.
///
/// A lesson whose cell fails still gets its page (with the error shown at that cell); the build
/// reports every failing lesson. Output depends only on the input: no dates, no absolute paths.
public struct SiteBuilder {
  public var runner: LessonRunner
  public var siteTitle: String
  /// Each lesson in its own process (the CLI's choice); nil runs them in this process.
  public var isolation: LessonIsolation?

  public init(runner: LessonRunner = LessonRunner(), siteTitle: String = "ConvBook") {
    self.runner = runner
    self.siteTitle = siteTitle
  }

  /// What a build did, lesson by lesson.
  public struct Report {
    public struct LessonOutcome {
      public var sourceFile: String
      public var pageFileName: String
      public var title: String
      public var cellCount: Int
      public var diagnostics: [Diagnostic]
    }
    public var lessons: [LessonOutcome]
    public var outputDirectory: URL
    /// Set when the new site is in place but the previous one could not be deleted.
    public var cleanupProblem: String?

    public var failingLessons: [LessonOutcome] { lessons.filter { !$0.diagnostics.isEmpty } }
  }

  public enum BuildError: Error, CustomStringConvertible {
    case noLessons(String)
    case unreadableFolder(String)
    case write(AtomicSiteWriter.WriteError)
    case theme(TextFile.ReadError)

    public var description: String {
      switch self {
      case .noLessons(let path): return "no lessons (.md files) in '\(path)'"
      case .unreadableFolder(let path): return "cannot read the lessons folder '\(path)'"
      case .write(let error): return error.description
      case .theme(let error): return "the theme cannot be used: \(error.description)"
      }
    }
  }

  /// Builds the site. `progress` is called once per lesson as it finishes (index from 1).
  public func build(
    lessonsDirectory: URL, outputDirectory: URL,
    progress: (_ index: Int, _ count: Int, _ outcome: Report.LessonOutcome) -> Void = { _, _, _ in }
  ) throws(BuildError) -> Report {
    let lessonFiles = try Self.lessonFiles(in: lessonsDirectory)
    // Before any lesson runs: a build that would end in a refusal should not take its time first.
    do throws(AtomicSiteWriter.WriteError) {
      try AtomicSiteWriter(outputDirectory: outputDirectory).checkTarget(inputs: [lessonsDirectory])
    } catch {
      throw .write(error)
    }
    let theme: SiteTheme
    do {
      theme = try SiteTheme.load(from: lessonsDirectory.appendingPathComponent("theme"))
    } catch {
      throw .theme(error)
    }
    let displayFolder = lessonsDirectory.relativeDisplayPath
    var lessons: [(loaded: LessonFile.Loaded, sourceFile: String, page: String, title: String)] =
      []
    for file in lessonFiles {
      let sourceFile =
        displayFolder.isEmpty
        ? file.lastPathComponent : "\(displayFolder)/\(file.lastPathComponent)"
      var loaded = LessonFile.load(file, sourceFile: sourceFile)
      let page = file.deletingPathExtension().lastPathComponent + ".html"
      if page == "index.html" {
        // Its page would be overwritten by the site's contents page.
        loaded = .unreadable(
          Diagnostic(
            file: sourceFile, line: 0, column: 0,
            message:
              "a lesson cannot be named index.md: the site's contents page is index.html; rename the lesson"
          ))
      }
      var title = file.deletingPathExtension().lastPathComponent
      if case .lesson(let lesson) = loaded { title = lesson.title }
      lessons.append((loaded, sourceFile, page, title))
    }
    var outcomes: [Report.LessonOutcome] = []
    var siteFiles: [(path: String, contents: Data)] = []
    var entries: [IndexRenderer.Entry] = []
    for (index, entry) in lessons.enumerated() {
      let link = { (other: Int) in
        LessonJob.Link(title: lessons[other].title, href: SitePath.href(lessons[other].page))
      }
      let job = LessonJob(
        mode: .page, path: lessonFiles[index].path, sourceFile: entry.sourceFile,
        pageFileName: entry.page, previous: index > 0 ? link(index - 1) : nil,
        next: index + 1 < lessons.count ? link(index + 1) : nil, siteTitle: siteTitle,
        themeDirectory: lessonsDirectory.appendingPathComponent("theme").path)
      let result: LessonJob.Result
      switch entry.loaded {
      case .unreadable(let diagnostic):
        result = job.failure(title: entry.title, diagnostic, template: theme.template)
      case .lesson:
        result = isolation?.run(job) ?? job.execute(runner: runner, template: theme.template)
      }
      if entry.page != "index.html" {
        siteFiles.append((entry.page, Data((result.html ?? "").utf8)))
      }
      entries.append(
        IndexRenderer.Entry(
          title: entry.title, href: SitePath.href(entry.page), sourceFile: entry.sourceFile,
          hasErrors: !result.diagnostics.isEmpty))
      let outcome = Report.LessonOutcome(
        sourceFile: entry.sourceFile, pageFileName: entry.page, title: entry.title,
        cellCount: result.cellCount, diagnostics: result.diagnostics)
      outcomes.append(outcome)
      progress(index + 1, lessons.count, outcome)
    }
    siteFiles.append(
      (
        "index.html",
        Data(IndexRenderer(template: theme.template, siteTitle: siteTitle).render(entries).utf8)
      ))
    siteFiles.append(("style.css", Data((DefaultStylesheet.css + theme.extraStylesheet).utf8)))
    var cleanupProblem: String?
    do throws(AtomicSiteWriter.WriteError) {
      try AtomicSiteWriter(outputDirectory: outputDirectory).write(siteFiles)
    } catch {
      guard case .oldSiteNotRemoved = error else { throw .write(error) }
      cleanupProblem = error.description
    }
    return Report(
      lessons: outcomes, outputDirectory: outputDirectory, cleanupProblem: cleanupProblem)
  }

  /// The lesson files of a folder, in file-name order.
  static func lessonFiles(in directory: URL) throws(BuildError) -> [URL] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    } catch {
      throw .unreadableFolder(directory.path)
    }
    let lessons = names.filter {
      $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0.lowercased() != "readme.md"
    }.sorted()
    if lessons.isEmpty { throw .noLessons(directory.path) }
    return lessons.map { directory.appendingPathComponent($0) }
  }
}

extension URL {
  /// The path as the user would write it relative to the working directory, for messages.
  var relativeDisplayPath: String {
    let current = FileManager.default.currentDirectoryPath
    let path = standardizedFileURL.path
    if path == current { return "" }
    if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
    return path
  }
}
