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
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let lessons = work.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    let lesson = lessons.appendingPathComponent("01-a.md")
    let text = """
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
    try text.write(to: lesson, atomically: true, encoding: .utf8)
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
    for beside in ["01-a.student.md", "01-a.ipynb"] {
      #expect(
        FileManager.default.fileExists(atPath: site.appendingPathComponent(beside).path),
        "a lesson from the cache keeps \(beside) beside its page")
    }

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
}
