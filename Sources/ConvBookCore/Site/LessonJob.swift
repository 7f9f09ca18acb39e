import Foundation
import KerasCells
import LessonKit
import LessonRender

/// Running one lesson of a folder for `build` (its page) or `verify` (its checks), in this process
/// or in a child process (`LessonIsolation`): the job and its result are plain data, so a child
/// can receive one as JSON and answer with the other.
public struct LessonJob: Codable, Sendable {
  public enum Mode: String, Codable, Sendable {
    case page
    case verify
  }

  public struct Link: Codable, Sendable {
    public var title: String
    public var href: String

    public init(title: String, href: String) {
      self.title = title
      self.href = href
    }
  }

  public var mode: Mode
  public var path: String
  /// The lesson as messages name it (`Lessons/01-intro.md`).
  public var sourceFile: String
  public var pageFileName: String
  public var previous: Link?
  public var next: Link?
  public var siteTitle: String
  /// The lessons folder's `theme/`, which the page template comes from.
  public var themeDirectory: String
  /// Whether the page is the instructors' copy, with its banner (`build --solutions`).
  public var isInstructorCopy: Bool = false

  public init(
    mode: Mode, path: String, sourceFile: String, pageFileName: String = "",
    previous: Link? = nil, next: Link? = nil, siteTitle: String = "ConvBook",
    themeDirectory: String = ""
  ) {
    self.mode = mode
    self.path = path
    self.sourceFile = sourceFile
    self.pageFileName = pageFileName
    self.previous = previous
    self.next = next
    self.siteTitle = siteTitle
    self.themeDirectory = themeDirectory
  }

  /// What running the job gave.
  public struct Result: Codable, Sendable {
    public var title: String
    public var cellCount: Int
    public var inlineValueCount: Int
    public var exerciseCount: Int
    public var designExerciseCount: Int
    public var diagnostics: [Diagnostic]
    /// The page, for `.page` jobs.
    public var html: String?
    /// Files written beside the page (the student lesson file and the notebook), for `.page` jobs.
    public var extraFiles: [ExtraFile]? = nil
    /// Set when the run failed for a reason outside the lesson (its process was stopped or
    /// crashed): such a result is reported but never cached.
    public var failedOutsideTheLesson: Bool? = nil
  }

  /// A file written beside a page.
  public struct ExtraFile: Codable, Sendable {
    public var name: String
    public var text: String
  }

  /// Runs the job in this process: the one place that runs a lesson of a folder, whether the caller
  /// is `SiteBuilder`, `LessonVerifier` or a child process of `LessonIsolation`. `template`: the page template when already loaded (else read from
  /// `themeDirectory`).
  public func execute(runner: LessonRunner, template: PageTemplate? = nil) -> Result {
    let fallbackTitle = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let loaded = LessonFile.load(URL(fileURLWithPath: path), sourceFile: sourceFile)
    var pageTemplate = template ?? .standard
    if template == nil, mode == .page, !themeDirectory.isEmpty {
      do {
        pageTemplate = try SiteTheme.load(from: URL(fileURLWithPath: themeDirectory)).template
      } catch {
        let diagnostic = Diagnostic(
          file: sourceFile, line: 0, column: 0, message: error.description)
        return failure(title: fallbackTitle, diagnostic, template: pageTemplate)
      }
    }
    let lesson: Lesson
    switch loaded {
    case .lesson(let read): lesson = read
    case .unreadable(let diagnostic):
      return failure(title: fallbackTitle, diagnostic, template: pageTemplate)
    }
    switch mode {
    case .verify:
      let outcome = LessonVerifier(runner: runner).verify(lesson: lesson, sourceFile: sourceFile)
      return Result(
        title: lesson.title, cellCount: outcome.cellCount,
        inlineValueCount: outcome.inlineValueCount, exerciseCount: outcome.exerciseCount,
        designExerciseCount: outcome.designExerciseCount, diagnostics: outcome.diagnostics,
        html: nil)
    case .page:
      let run = runner.run(lesson, sourceFile: sourceFile)
      if run.ranOutOfTime, var stop = run.diagnostics.last {
        // A page of a run the time budget cut short would show whatever the machine's speed let
        // it compute: the lesson fails as a whole, as when its process runs past its limits, and
        // is never cached.
        stop.hint =
          "ConvBook builds no page from a lesson stopped by its time budget: where it stops depends on how fast the machine ran it"
        var result = failure(title: lesson.title, stop, template: pageTemplate)
        result.cellCount = lesson.cells.count
        result.failedOutsideTheLesson = true
        return result
      }
      let showSolutions =
        (runner.exerciseEvaluator as? ExerciseCardEvaluator)?.showSolutions ?? false
      let blocks = StudentSiteFiles.pageBlocks(
        run.blocks, lesson: lesson, showSolutions: showSolutions)
      let html = render(title: lesson.title, blocks: blocks, template: pageTemplate)
      let source = (try? TextFile.read(path)) ?? ""
      return Result(
        title: lesson.title, cellCount: lesson.cells.count, inlineValueCount: 0, exerciseCount: 0,
        designExerciseCount: 0, diagnostics: run.diagnostics, html: html,
        extraFiles: StudentSiteFiles.files(
          source: source, lesson: lesson, run: run, sourceFile: sourceFile
        ).map { ExtraFile(name: $0.path, text: String(decoding: $0.contents, as: UTF8.self)) })
    }
  }

  /// The result for a lesson that failed as a whole (unreadable, or its run crashed or timed out).
  public func failure(title: String, _ diagnostic: Diagnostic, template: PageTemplate = .standard)
    -> Result
  {
    let html =
      mode == .page
      ? render(
        title: title, blocks: [LessonFile.unreadablePageBlock(diagnostic)], template: template)
      : nil
    return Result(
      title: title, cellCount: 0, inlineValueCount: 0, exerciseCount: 0, designExerciseCount: 0,
      diagnostics: [diagnostic], html: html)
  }

  func render(title: String, blocks: [PageBlock], template: PageTemplate) -> String {
    var page = LessonPage(
      title: title, sourceFile: sourceFile, pageFileName: pageFileName, blocks: blocks)
    page.previous = previous.map { PageLink(title: $0.title, href: $0.href) }
    page.next = next.map { PageLink(title: $0.title, href: $0.href) }
    return PageRenderer(
      template: template, siteTitle: siteTitle, isInstructorCopy: isInstructorCopy
    ).render(page)
  }
}

extension Diagnostic: Codable {
  private enum CodingKeys: String, CodingKey {
    case file, line, column, errorType, message, excerptLine, excerptCaret, hint
  }

  public init(from decoder: Decoder) throws {
    let values = try decoder.container(keyedBy: CodingKeys.self)
    let excerptLine = try values.decodeIfPresent(String.self, forKey: .excerptLine)
    let excerptCaret = try values.decodeIfPresent(String.self, forKey: .excerptCaret)
    self.init(
      file: try values.decode(String.self, forKey: .file),
      line: try values.decode(Int.self, forKey: .line),
      column: try values.decode(Int.self, forKey: .column),
      errorType: try values.decodeIfPresent(String.self, forKey: .errorType),
      message: try values.decode(String.self, forKey: .message),
      excerpt: excerptLine.map { ($0, excerptCaret ?? "") },
      hint: try values.decodeIfPresent(String.self, forKey: .hint))
  }

  public func encode(to encoder: Encoder) throws {
    var values = encoder.container(keyedBy: CodingKeys.self)
    try values.encode(file, forKey: .file)
    try values.encode(line, forKey: .line)
    try values.encode(column, forKey: .column)
    try values.encodeIfPresent(errorType, forKey: .errorType)
    try values.encode(message, forKey: .message)
    try values.encodeIfPresent(excerpt?.line, forKey: .excerptLine)
    try values.encodeIfPresent(excerpt?.caret, forKey: .excerptCaret)
    try values.encodeIfPresent(hint, forKey: .hint)
  }
}
