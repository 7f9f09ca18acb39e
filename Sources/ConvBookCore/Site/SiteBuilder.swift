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
  /// The site's title; nil for the course settings' `title`, else "ConvBook".
  public var siteTitle: String?
  /// The summary footer chosen on the command line; nil for the course settings' `footer`, else
  /// the runner's. (An isolated build's children get theirs from `isolation`.)
  public var footer: SummaryFooterStyle?
  /// Whether this is an instructors' build (`--solutions`): every page carries a banner saying so.
  public var isInstructorCopy: Bool
  /// Where executed lessons are kept between builds; nil runs every lesson every time.
  public var cache: ExecutionCache?
  /// Each lesson in its own process (the CLI's choice); nil runs them in this process.
  public var isolation: LessonIsolation?

  public init(
    runner: LessonRunner = LessonRunner(), siteTitle: String? = nil,
    footer: SummaryFooterStyle? = nil, isInstructorCopy: Bool = false,
    cache: ExecutionCache? = nil
  ) {
    self.runner = runner
    self.siteTitle = siteTitle
    self.footer = footer
    self.isInstructorCopy = isInstructorCopy
    self.cache = cache
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
    /// The course settings the build used (`course.yml`, or the defaults).
    public var settings: CourseSettings = CourseSettings()
    /// Set when the new site is in place but the previous one could not be deleted.
    public var cleanupProblem: String?

    public var failingLessons: [LessonOutcome] { lessons.filter { !$0.diagnostics.isEmpty } }
  }

  public enum BuildError: Error, CustomStringConvertible {
    case noLessons(String)
    case unreadableFolder(String)
    case write(AtomicSiteWriter.WriteError)
    case theme(TextFile.ReadError)
    case unreadableAsset(String, reason: String)
    case settings(Diagnostic)

    public var description: String {
      switch self {
      case .noLessons(let path): return "no lessons (.md files) in '\(path)'"
      case .unreadableFolder(let path): return "cannot read the lessons folder '\(path)'"
      case .write(let error): return error.description
      case .theme(let error): return "the theme cannot be used: \(error.description)"
      case .unreadableAsset(let path, let reason):
        return "cannot read '\(path)', which a lesson links: \(reason)"
      case .settings(let diagnostic):
        return diagnostic.formatted().trimmingCharacters(in: .newlines)
      }
    }
  }

  /// Builds the site. `progress` is called once per lesson as it finishes (index from 1).
  ///
  /// With `only` (a lesson file name of the folder) only that lesson runs: the other lessons'
  /// pages are kept from the site already in `outputDirectory` (run when it has none), and the
  /// report lists only that lesson.
  public func build(
    lessonsDirectory: URL, outputDirectory: URL, only: String? = nil,
    progress: (_ index: Int, _ count: Int, _ outcome: Report.LessonOutcome) -> Void = { _, _, _ in }
  ) throws(BuildError) -> Report {
    let settings: CourseSettings
    let lessonFiles: [URL]
    let folderLessons = try Self.lessonFiles(in: lessonsDirectory)
    do throws(Diagnostic) {
      settings = try CourseSettings.load(from: lessonsDirectory)
      lessonFiles = try settings.orderedLessons(
        folderLessons,
        file: lessonsDirectory.appendingPathComponent(CourseSettings.fileName).relativeDisplayPath)
    } catch {
      throw .settings(error)
    }
    if let only, !lessonFiles.contains(where: { $0.lastPathComponent == only }) {
      throw .noLessons("\(lessonsDirectory.path)/\(only)")
    }
    var runner = self.runner
    if let footer = footer ?? settings.footer { runner.footer = footer }
    let siteTitle = self.siteTitle ?? settings.title ?? "ConvBook"
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
    // The files each lesson writes beside its page, by the lesson that writes them first.
    var writers: [String: String] = [:]
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
      // A lesson named like another's student file (`02.student.md` beside `02.md`) would write
      // that student file and that notebook over the other lesson's.
      let name = file.lastPathComponent
      let written = [
        page, StudentLesson.fileName(forLesson: name), NotebookExport.fileName(forLesson: name),
      ]
      if let taken = written.first(where: { writers[$0] != nil }), let owner = writers[taken] {
        loaded = .unreadable(
          Diagnostic(
            file: sourceFile, line: 0, column: 0,
            message:
              "a lesson cannot be named \(name) here: \(owner) writes \(taken) into the site already; rename the lesson"
          ))
      } else {
        for path in written { writers[path] = name }
      }
      var title = file.deletingPathExtension().lastPathComponent
      if case .lesson(let lesson) = loaded { title = lesson.title }
      lessons.append((loaded, sourceFile, page, title))
    }
    var anchors: [String: Set<String>] = [:]
    for entry in lessons {
      if case .lesson(let lesson) = entry.loaded {
        anchors[lesson.fileName] = PageAnchors.anchors(of: lesson)
      }
    }
    var outcomes: [Report.LessonOutcome] = []
    var siteFiles: [(path: String, contents: Data)] = []
    var entries: [IndexRenderer.Entry] = []
    var assets: [String: URL] = [:]
    for (index, entry) in lessons.enumerated() {
      var references: LessonReferences?
      if case .lesson(let lesson) = entry.loaded {
        references = LessonReferences(
          lesson: lesson, sourceFile: entry.sourceFile, lessonsDirectory: lessonsDirectory,
          anchors: anchors)
        for asset in references?.assets ?? [] { assets[asset.sitePath] = asset.source }
      }
      if let only, lessonFiles[index].lastPathComponent != only,
        let kept = Self.previousPage(entry.page, in: outputDirectory)
      {
        siteFiles.append((entry.page, kept))
        let text = String(decoding: kept, as: UTF8.self)
        entries.append(
          IndexRenderer.Entry(
            title: entry.title, href: SitePath.href(entry.page), sourceFile: entry.sourceFile,
            hasErrors: text.contains("role=\"alert\"") || text.contains("class=\"math-error\""),
            summary: settings.summaries[lessonFiles[index].lastPathComponent]))
        continue
      }
      let link = { (other: Int) in
        LessonJob.Link(title: lessons[other].title, href: SitePath.href(lessons[other].page))
      }
      var job = LessonJob(
        mode: .page, path: lessonFiles[index].path, sourceFile: entry.sourceFile,
        pageFileName: entry.page, previous: index > 0 ? link(index - 1) : nil,
        next: index + 1 < lessons.count ? link(index + 1) : nil, siteTitle: siteTitle,
        themeDirectory: lessonsDirectory.appendingPathComponent("theme").path)
      job.isInstructorCopy = isInstructorCopy
      var result: LessonJob.Result
      switch entry.loaded {
      case .unreadable(let diagnostic):
        result = job.failure(title: entry.title, diagnostic, template: theme.template)
      case .lesson(let lesson):
        let run = { isolation?.run(job) ?? job.execute(runner: runner, template: theme.template) }
        if let cache {
          let key = ExecutionCache.key(
            for: job, lesson: lesson, file: lessonFiles[index], runner: runner,
            template: theme.template, lessonsDirectory: lessonsDirectory)
          result = cache.result(key: key, run: run)
        } else {
          result = run()
        }
      }
      result.diagnostics += references?.diagnostics ?? []
      if entry.page != "index.html" {
        siteFiles.append((entry.page, Data((result.html ?? "").utf8)))
        // The student lesson file and the notebook beside the page (StudentSiteFiles).
        siteFiles += (result.extraFiles ?? []).map { ($0.name, Data($0.text.utf8)) }
      }
      entries.append(
        IndexRenderer.Entry(
          title: entry.title, href: SitePath.href(entry.page), sourceFile: entry.sourceFile,
          hasErrors: !result.diagnostics.isEmpty,
          summary: settings.summaries[lessonFiles[index].lastPathComponent]))
      let outcome = Report.LessonOutcome(
        sourceFile: entry.sourceFile, pageFileName: entry.page, title: entry.title,
        cellCount: result.cellCount, diagnostics: result.diagnostics)
      if only != nil && lessonFiles[index].lastPathComponent != only { continue }
      outcomes.append(outcome)
      progress(index + 1, lessons.count, outcome)
    }
    let generated = Set(siteFiles.map(\.path) + ["index.html", "style.css"])
    for (path, source) in assets.sorted(by: { $0.key < $1.key }) where !generated.contains(path) {
      // Read as any file the build reads: regular files only, opened without blocking (the
      // lesson's references checked that already; the file may have changed since).
      let contents: [UInt8]
      do {
        contents = try TextFile.readBytes(
          source.path, limit: LessonReferences.maximumAssetBytes)
      } catch {
        throw .unreadableAsset(source.relativeDisplayPath, reason: error.reason)
      }
      siteFiles.append((path, Data(contents)))
    }
    siteFiles.append(
      (
        "index.html",
        Data(
          IndexRenderer(
            template: theme.template, siteTitle: siteTitle, isInstructorCopy: isInstructorCopy
          ).render(entries).utf8)
      ))
    siteFiles.append(StudentSiteFiles.checkScript)
    if let baseURL = settings.baseURL,
      let sitemap = Sitemap.xml(
        baseURL: baseURL, pages: ["index.html"] + lessons.map(\.page).filter { $0 != "index.html" })
    {
      siteFiles.append((Sitemap.fileName, Data(sitemap.utf8)))
    }
    siteFiles.append(("style.css", Data((DefaultStylesheet.css + theme.extraStylesheet).utf8)))
    var cleanupProblem: String?
    do throws(AtomicSiteWriter.WriteError) {
      try AtomicSiteWriter(outputDirectory: outputDirectory).write(siteFiles)
    } catch {
      guard case .oldSiteNotRemoved = error else { throw .write(error) }
      cleanupProblem = error.description
    }
    return Report(
      lessons: outcomes, outputDirectory: outputDirectory, settings: settings,
      cleanupProblem: cleanupProblem)
  }

  /// A page of the site a previous build wrote into `outputDirectory`, if there is one.
  static func previousPage(_ name: String, in outputDirectory: URL) -> Data? {
    let marker = outputDirectory.appendingPathComponent(AtomicSiteWriter.markerFileName)
    guard FileManager.default.fileExists(atPath: marker.path) else { return nil }
    return try? Data(contentsOf: outputDirectory.appendingPathComponent(name))
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
