import ConvBookCore
import Foundation
import Testing

/// Builds small lesson folders into sites in temporary directories.
@Suite struct SiteBuilderTests {
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static let goodLesson = """
    # A tiny network

    Some prose with **emphasis**.

    ```keras
    from tensorflow import keras
    from tensorflow.keras import layers
    model = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(8, 3, activation="relu"),
        layers.Flatten(),
        layers.Dense(10),
    ])
    model.summary()
    ```

    It has `{keras} model.count_params()` parameters.
    """

  static let brokenLesson = """
    # Broken on purpose

    ```keras
    from tensorflow import keras
    from tensorflow.keras import layers
    model = keras.Sequential([
        keras.Input(shape=(4, 4, 3)),
        layers.Conv2D(8, 5),
    ])
    ```

    ```keras
    print("still runs")
    ```
    """

  func makeLessons(_ lessons: [String: String]) throws -> URL {
    let folder = try Self.temporaryDirectory()
    for (name, text) in lessons {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return folder
  }

  @Test func brokenLessonDoesNotStopTheOthers() throws {
    let lessons = try makeLessons([
      "01-good.md": Self.goodLesson, "02-broken.md": Self.brokenLesson,
      "03-good.md": Self.goodLesson,
    ])
    let site = lessons.deletingLastPathComponent().appendingPathComponent(
      lessons.lastPathComponent + "-site")
    defer {
      try? FileManager.default.removeItem(at: lessons)
      try? FileManager.default.removeItem(at: site)
    }
    let report = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: site)
    #expect(
      report.lessons.map(\.pageFileName) == ["01-good.html", "02-broken.html", "03-good.html"])
    #expect(report.failingLessons.map(\.pageFileName) == ["02-broken.html"])
    let diagnostic = try #require(report.failingLessons.first?.diagnostics.first)
    #expect(diagnostic.line == 8)
    #expect(diagnostic.column == 5)
    #expect(diagnostic.errorType == "ValueError")
    let broken = try String(
      contentsOf: site.appendingPathComponent("02-broken.html"), encoding: .utf8)
    #expect(broken.contains("error-box"))
    #expect(broken.contains("still runs"))
    let good = try String(contentsOf: site.appendingPathComponent("03-good.html"), encoding: .utf8)
    #expect(good.contains("Total params: 54,170"))
    #expect(
      good.contains("<span class=\"inline-value\" title=\"model.count_params()\">54,170</span>"))
    let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("href=\"01-good.html\">A tiny network</a>"))
    #expect(!index.contains("file://") && !index.contains(lessons.path))
    #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("style.css").path))
  }

  @Test func sameInputGivesIdenticalBytes() throws {
    let lessons = try makeLessons([
      "01-good.md": Self.goodLesson, "02-broken.md": Self.brokenLesson,
    ])
    let first = try Self.temporaryDirectory().appendingPathComponent("site")
    let second = try Self.temporaryDirectory().appendingPathComponent("site")
    _ = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: first)
    _ = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: second)
    for name in ["index.html", "01-good.html", "02-broken.html", "style.css"] {
      let a = try Data(contentsOf: first.appendingPathComponent(name))
      let b = try Data(contentsOf: second.appendingPathComponent(name))
      #expect(a == b, "\(name) differs between builds")
    }
  }

  @Test func refusesToReplaceAFolderItDidNotWrite() throws {
    let lessons = try makeLessons(["01-good.md": Self.goodLesson])
    let precious = try Self.temporaryDirectory()
    try "keep me".write(
      to: precious.appendingPathComponent("thesis.txt"), atomically: true, encoding: .utf8)
    #expect(throws: SiteBuilder.BuildError.self) {
      try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: precious)
    }
    #expect(
      FileManager.default.fileExists(atPath: precious.appendingPathComponent("thesis.txt").path))
  }

  @Test func rebuildReplacesTheWholeSite() throws {
    let lessons = try makeLessons(["01-good.md": Self.goodLesson, "02-other.md": Self.goodLesson])
    let site = try Self.temporaryDirectory().appendingPathComponent("site")
    _ = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: site)
    try FileManager.default.removeItem(at: lessons.appendingPathComponent("02-other.md"))
    _ = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: site)
    #expect(
      !FileManager.default.fileExists(atPath: site.appendingPathComponent("02-other.html").path))
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: site.deletingLastPathComponent().path)
    #expect(leftovers == ["site"], "no staging or retired folders left behind: \(leftovers)")
  }

  @Test func themeRestylesWithoutRecompiling() throws {
    let lessons = try makeLessons(["01-good.md": Self.goodLesson])
    let theme = lessons.appendingPathComponent("theme")
    try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
    try "body { background: papayawhip; }".write(
      to: theme.appendingPathComponent("style.css"), atomically: true, encoding: .utf8)
    try "<html><body class=\"custom\">{{content}}</body></html>".write(
      to: theme.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
    let site = try Self.temporaryDirectory().appendingPathComponent("site")
    _ = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: site)
    let css = try String(contentsOf: site.appendingPathComponent("style.css"), encoding: .utf8)
    #expect(css.hasSuffix("body { background: papayawhip; }"))
    let page = try String(contentsOf: site.appendingPathComponent("01-good.html"), encoding: .utf8)
    #expect(page.hasPrefix("<html><body class=\"custom\">"))
  }
}
