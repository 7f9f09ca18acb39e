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
  /// the runner's.
  public var footer: SummaryFooterStyle?
  /// Whether this is an instructors' build (`--solutions`): every page carries a banner saying so.
  public var isInstructorCopy: Bool
  /// Where executed lessons are kept between builds; nil runs every lesson every time.
  public var cache: ExecutionCache?

  public init(
    runner: LessonRunner = LessonRunner(), siteTitle: String? = nil,
    footer: SummaryFooterStyle? = nil, isInstructorCopy: Bool = false,
    cache: ExecutionCache? = nil
  ) {
    self.cache = cache
    self.runner = runner
    self.siteTitle = siteTitle
    self.footer = footer
    self.isInstructorCopy = isInstructorCopy
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
    public var settings: CourseSettings

    public var failingLessons: [LessonOutcome] { lessons.filter { !$0.diagnostics.isEmpty } }
  }

  public enum BuildError: Error, CustomStringConvertible {
    case noLessons(String)
    case unreadableFolder(String)
    case unreadableAsset(String)
    case settings(Diagnostic)
    case write(AtomicSiteWriter.WriteError)

    public var description: String {
      switch self {
      case .noLessons(let path): return "no lessons (.md files) in '\(path)'"
      case .unreadableFolder(let path): return "cannot read the lessons folder '\(path)'"
      case .unreadableAsset(let path): return "cannot read '\(path)', which a lesson links"
      case .settings(let diagnostic):
        return diagnostic.formatted().trimmingCharacters(in: .newlines)
      case .write(let error): return error.description
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
    var runner = self.runner
    if let footer = footer ?? settings.footer { runner.footer = footer }
    let siteTitle = self.siteTitle ?? settings.title ?? "ConvBook"
    let theme = SiteTheme.load(from: lessonsDirectory.appendingPathComponent("theme"))
    let displayFolder = lessonsDirectory.relativeDisplayPath
    var lessons: [(Lesson, String, String)] = []
    var texts: [String: String] = [:]
    for file in lessonFiles {
      let sourceFile =
        displayFolder.isEmpty
        ? file.lastPathComponent : "\(displayFolder)/\(file.lastPathComponent)"
      let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
      let lesson = LessonReader.read(source: text, fileName: file.lastPathComponent)
      texts[file.lastPathComponent] = text
      let page = LessonLinks.pageFileName(forLesson: file.lastPathComponent)
      lessons.append((lesson, sourceFile, page))
    }
    if let only, !lessons.contains(where: { $0.0.fileName == only }) {
      throw .noLessons("\(lessonsDirectory.path)/\(only)")
    }
    var anchors: [String: Set<String>] = [:]
    for (lesson, _, _) in lessons { anchors[lesson.fileName] = PageAnchors.anchors(of: lesson) }
    var outcomes: [Report.LessonOutcome] = []
    var renderer = PageRenderer(template: theme.template, siteTitle: siteTitle)
    renderer.isInstructorCopy = isInstructorCopy
    var renderedPages: [(String, Data)] = []
    var keptPages: [String: Data] = [:]
    var entries: [IndexRenderer.Entry] = []
    var assets: [String: URL] = [:]
    for (index, (lesson, sourceFile, pageName)) in lessons.enumerated() {
      let references = LessonReferences(
        lesson: lesson, sourceFile: sourceFile, lessonsDirectory: lessonsDirectory,
        anchors: anchors)
      for asset in references.assets { assets[asset.sitePath] = asset.source }
      if let only, lesson.fileName != only,
        let kept = Self.previousPage(pageName, in: outputDirectory)
      {
        keptPages[pageName] = kept
        let text = String(decoding: kept, as: UTF8.self)
        entries.append(
          IndexRenderer.Entry(
            title: lesson.title, href: pageName, sourceFile: sourceFile,
            hasErrors: text.contains("role=\"alert\"") || text.contains("class=\"math-error\"")))
        continue
      }
      let previous =
        index > 0 ? PageLink(title: lessons[index - 1].0.title, href: lessons[index - 1].2) : nil
      let next =
        index + 1 < lessons.count
        ? PageLink(title: lessons[index + 1].0.title, href: lessons[index + 1].2) : nil
      var key: String?
      if cache != nil {
        let files = ExecutionCache.filesRead(by: lesson, in: lessonsDirectory)
        let settingsText =
          "\(runner.footer.rawValue)|\(isInstructorCopy)|\(siteTitle)|\(sourceFile)|\(pageName)|"
          + "\(previous?.title ?? "")|\(previous?.href ?? "")|\(next?.title ?? "")|\(next?.href ?? "")"
        key = ExecutionCache.key(
          [
            ExecutionCache.convBookFingerprint, Data((texts[lesson.fileName] ?? "").utf8),
            Data(settingsText.utf8), Data(theme.template.text.utf8),
          ] + files.flatMap { [Data($0.path.utf8), (try? Data(contentsOf: $0)) ?? Data()] })
      }
      let runDiagnostics: [Diagnostic]
      if let cache, let key, let entry = cache.load(key) {
        renderedPages.append((pageName, Data(entry.page.utf8)))
        runDiagnostics = entry.diagnostics.map(\.diagnostic)
      } else {
        let run = runner.run(lesson, sourceFile: sourceFile)
        let page = LessonPage(
          title: lesson.title, sourceFile: sourceFile, pageFileName: pageName, blocks: run.blocks,
          previous: previous, next: next)
        let html = renderer.render(page)
        renderedPages.append((pageName, Data(html.utf8)))
        runDiagnostics = run.diagnostics
        if let cache, let key {
          cache.store(
            ExecutionCache.Entry(
              key: key, page: html, cellCount: lesson.cells.count,
              diagnostics: run.diagnostics.map(ExecutionCache.StoredDiagnostic.init)))
        }
      }
      let diagnostics = runDiagnostics + references.diagnostics
      let outcome = Report.LessonOutcome(
        sourceFile: sourceFile, pageFileName: pageName, title: lesson.title,
        cellCount: lesson.cells.count, diagnostics: diagnostics)
      entries.append(
        IndexRenderer.Entry(
          title: lesson.title, href: pageName, sourceFile: sourceFile,
          hasErrors: !diagnostics.isEmpty))
      if only != nil && lesson.fileName != only { continue }
      outcomes.append(outcome)
      progress(index + 1, lessons.count, outcome)
    }
    var siteFiles: [(path: String, contents: Data)] = renderedPages.map { ($0.0, $0.1) }
    for (name, contents) in keptPages.sorted(by: { $0.key < $1.key }) {
      siteFiles.append((name, contents))
    }
    let generated = Set(siteFiles.map(\.path) + ["index.html", "style.css"])
    for (path, source) in assets.sorted(by: { $0.key < $1.key }) where !generated.contains(path) {
      guard let contents = try? Data(contentsOf: source) else {
        throw .unreadableAsset(source.relativeDisplayPath)
      }
      siteFiles.append((path, contents))
    }
    siteFiles.append(
      (
        "index.html",
        Data(
          IndexRenderer(
            template: theme.template, siteTitle: siteTitle, isInstructorCopy: isInstructorCopy
          ).render(entries).utf8)
      ))
    siteFiles.append(("style.css", Data((DefaultStylesheet.css + theme.extraStylesheet).utf8)))
    do throws(AtomicSiteWriter.WriteError) {
      try AtomicSiteWriter(outputDirectory: outputDirectory).write(siteFiles)
    } catch {
      throw .write(error)
    }
    return Report(lessons: outcomes, outputDirectory: outputDirectory, settings: settings)
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
