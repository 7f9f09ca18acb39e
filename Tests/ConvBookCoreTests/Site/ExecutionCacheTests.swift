import ConvBookCore
import Foundation
import KerasCells
import LessonKit
import LessonRender
import Testing

/// Counts the figures it is asked for, so a test can tell whether a lesson ran.
private final class CountingFigures: FigureEvaluating, @unchecked Sendable {
  var count = 0
  let real = FigureEvaluator()

  func evaluate(_ figure: FigureBlock, session: KerasSession, file: String) -> (
    FigureView, [Diagnostic]
  ) {
    count += 1
    return real.evaluate(figure, session: session, file: file)
  }
}

@Suite struct ExecutionCacheTests {
  @Test func unchangedLessonsAreNotRunAgain() throws {
    let (work, lessons) = try Self.lessonsFolder()
    defer { try? FileManager.default.removeItem(at: work) }
    let lesson = lessons.appendingPathComponent("01-a.md")
    let text = Self.lessonText
    let figures = CountingFigures()
    let cache = ExecutionCache(directory: work.appendingPathComponent("cache"))
    let builder = SiteBuilder(runner: LessonRunner(figureEvaluator: figures), cache: cache)
    let site = work.appendingPathComponent("site")
    let page = site.appendingPathComponent("01-a.html")

    _ = try builder.build(lessonsDirectory: lessons, outputDirectory: site)
    let first = try Data(contentsOf: page)
    #expect(figures.count == 1)
    _ = try builder.build(lessonsDirectory: lessons, outputDirectory: site)
    #expect(figures.count == 1, "an unchanged lesson is served from the cache")
    #expect(try Data(contentsOf: page) == first, "and its page is byte for byte the same")

    try (text + "More.\n").write(to: lesson, atomically: true, encoding: .utf8)
    _ = try builder.build(lessonsDirectory: lessons, outputDirectory: site)
    #expect(figures.count == 2, "an edited lesson runs again")

    // A corrupt entry is ignored, never trusted.
    let entries = try FileManager.default.contentsOfDirectory(
      at: cache.directory, includingPropertiesForKeys: nil)
    for entry in entries { try Data("{not json".utf8).write(to: entry) }
    _ = try builder.build(lessonsDirectory: lessons, outputDirectory: site)
    #expect(figures.count == 3)
    #expect(try String(contentsOf: page, encoding: .utf8).contains("More."))

    // Without a cache every build runs.
    _ = try SiteBuilder(runner: LessonRunner(figureEvaluator: figures)).build(
      lessonsDirectory: lessons, outputDirectory: site)
    #expect(figures.count == 4)
  }

  static let lessonText = """
    # A

    ```keras
    import keras
    from keras import layers
    model = keras.Sequential([keras.Input((8, 8, 1)), layers.Conv2D(4, 3)])
    ```

    ```figure
    trace(model)
    ```

    """

  /// A folder with one lesson, removed by the caller.
  static func lessonsFolder() throws -> (work: URL, lessons: URL) {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-cache-\(UUID().uuidString)")
    let lessons = work.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    try lessonText.write(
      to: lessons.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
    return (work, lessons)
  }

  static func files(in site: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: site.path) {
      files[name] = try Data(contentsOf: site.appendingPathComponent(name))
    }
    return files
  }

  /// A warm build writes exactly the files a cold one writes: the page, and the student lesson
  /// file and notebook beside it.
  @Test func aWarmBuildWritesTheSameSite() throws {
    let (work, lessons) = try Self.lessonsFolder()
    defer { try? FileManager.default.removeItem(at: work) }
    let figures = CountingFigures()
    let builder = SiteBuilder(
      runner: LessonRunner(figureEvaluator: figures),
      cache: ExecutionCache(directory: work.appendingPathComponent("cache")))
    let site = work.appendingPathComponent("site")
    _ = try builder.build(lessonsDirectory: lessons, outputDirectory: site)
    let cold = try Self.files(in: site)
    _ = try builder.build(lessonsDirectory: lessons, outputDirectory: site)
    #expect(figures.count == 1)
    let warm = try Self.files(in: site)
    #expect(cold.keys.contains("01-a.student.md"))
    #expect(cold.keys.contains("01-a.ipynb"))
    #expect(warm.keys.sorted() == cold.keys.sorted())
    #expect(warm == cold)
  }

  /// `verify` keeps its results in the same cache, apart from the pages: an unchanged lesson is
  /// not run again, and gives the same outcome.
  @Test func verifyRunsOnlyWhatChanged() throws {
    let (work, lessons) = try Self.lessonsFolder()
    defer { try? FileManager.default.removeItem(at: work) }
    let figures = CountingFigures()
    var verifier = LessonVerifier(runner: LessonRunner(figureEvaluator: figures))
    verifier.cache = ExecutionCache(directory: work.appendingPathComponent("cache"))
    let first = try verifier.verify(path: lessons).map(\.summaryLine)
    #expect(figures.count == 1)
    let second = try verifier.verify(path: lessons).map(\.summaryLine)
    #expect(figures.count == 1, "served from the cache")
    #expect(second == first)
    // A page build of the same lesson is a different entry: it runs.
    _ = try SiteBuilder(runner: LessonRunner(figureEvaluator: figures), cache: verifier.cache)
      .build(lessonsDirectory: lessons, outputDirectory: work.appendingPathComponent("site"))
    #expect(figures.count == 2)
  }
}
