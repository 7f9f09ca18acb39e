import ConvBookCore
import Foundation
import Testing

@Suite struct CourseSettingsTests {
  @Test func readsEverySetting() throws {
    let settings = try CourseSettings.parse(
      """
      title: Designing CNNs
      lessons:
        - 02-b.md
        - 01-a.md
      keras: 3
      footer: modern
      base_url: https://example.org/course
      """, file: "Lessons/course.yml")
    #expect(settings.title == "Designing CNNs")
    #expect(settings.lessons == ["02-b.md", "01-a.md"])
    #expect(settings.kerasVersion == 3)
    #expect(settings.footer == .modern)
    #expect(settings.baseURL == "https://example.org/course/")
    #expect(try CourseSettings.parse("", file: "c.yml") == CourseSettings())
  }

  @Test func mistakesAreErrorsAtTheirLine() {
    #expect(throws: Diagnostic.self) { try CourseSettings.parse("titel: x\n", file: "c.yml") }
    do {
      _ = try CourseSettings.parse("title: x\ntitel: y\n", file: "c.yml")
    } catch {
      #expect(error.line == 2)
      #expect(error.column == 1)
      #expect(error.message == "unknown setting 'titel'; did you mean 'title'?")
    }
    do {
      _ = try CourseSettings.parse("keras: 4\n", file: "c.yml")
    } catch {
      #expect(error.message == "'keras' must be 2 or 3, not '4'")
      #expect(error.line == 1)
      #expect(error.column == 8)
    }
    do {
      _ = try CourseSettings.parse("title: [unclosed\n", file: "c.yml")
      Issue.record("a YAML syntax error must be reported")
    } catch {
      #expect(error.message.hasPrefix("YAML: "))
      #expect(error.line >= 1)
    }
  }

  @Test func theBuildFollowsTheSettings() throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-settings-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let lessons = work.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    try "# A\n".write(
      to: lessons.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
    try "# B\n".write(
      to: lessons.appendingPathComponent("02-b.md"), atomically: true, encoding: .utf8)
    try "# Draft\n".write(
      to: lessons.appendingPathComponent("03-draft.md"), atomically: true, encoding: .utf8)
    try "title: My course\nlessons:\n  - 02-b.md\n  - 01-a.md\nkeras: 3\n".write(
      to: lessons.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
    let report = try SiteBuilder().build(
      lessonsDirectory: lessons, outputDirectory: work.appendingPathComponent("site"))
    #expect(report.lessons.map(\.pageFileName) == ["02-b.html", "01-a.html"])
    #expect(report.settings.kerasVersion == 3)
    let index = try String(
      contentsOf: work.appendingPathComponent("site/index.html"), encoding: .utf8)
    #expect(index.contains("<h1>My course</h1>"))

    try "lessons:\n  - 04-missing.md\n".write(
      to: lessons.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
    #expect(throws: SiteBuilder.BuildError.self) {
      try SiteBuilder().build(
        lessonsDirectory: lessons, outputDirectory: work.appendingPathComponent("site"))
    }
  }

  @Test func summariesAreReadAndChecked() throws {
    let settings = try CourseSettings.parse(
      """
      summaries:
        01-a.md: "`valid` vs   `same`."
        02-b.md: Pooling <b>&</b> more.
      """, file: "c.yml")
    #expect(
      settings.summaries == ["01-a.md": "`valid` vs `same`.", "02-b.md": "Pooling <b>&</b> more."])
    do {
      _ = try CourseSettings.parse("summaries:\n  - 01-a.md\n", file: "c.yml")
      Issue.record("a list is not a summaries mapping")
    } catch {
      #expect(error.message.hasPrefix("'summaries' must map lesson files"))
      #expect(error.line == 2)
    }
    do {
      _ = try CourseSettings.parse("summaries:\n  01-a.md: \"\"\n", file: "c.yml")
      Issue.record("an empty summary must be reported")
    } catch {
      #expect(error.message == "the summary of '01-a.md' is empty")
    }
    let lessons = [URL(fileURLWithPath: "/l/01-a.md"), URL(fileURLWithPath: "/l/02-b.md")]
    let stray = try CourseSettings.parse("summaries:\n  03-b.md: Gone.\n", file: "c.yml")
    do {
      _ = try stray.orderedLessons(lessons, file: "c.yml")
      Issue.record("a summary of a missing lesson must be reported")
    } catch {
      #expect(error.line == 2)
      #expect(
        error.message
          == "'summaries' names '03-b.md', which is not a lesson of the course; did you mean '02-b.md'?"
      )
    }
  }

  @Test func theIndexShowsEscapedSummariesInOrder() throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-summaries-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let lessons = work.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    for (name, title) in [("01-a.md", "# First"), ("02-b.md", "# Second"), ("03-c.md", "# Third")] {
      try "\(title)\n".write(
        to: lessons.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try """
    summaries:
      02-b.md: "Pooling <b>&</b> `same`."
      01-a.md: What a kernel computes.
    """.write(to: lessons.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
    _ = try SiteBuilder().build(
      lessonsDirectory: lessons, outputDirectory: work.appendingPathComponent("site"))
    let index = try String(
      contentsOf: work.appendingPathComponent("site/index.html"), encoding: .utf8)
    let first = try #require(index.range(of: "What a kernel computes.</span>"))
    let second = try #require(
      index.range(of: "Pooling &lt;b&gt;&amp;&lt;/b&gt; <code>same</code>.</span>"))
    #expect(first.lowerBound < second.lowerBound)
    #expect(!index.contains("<b>&</b>"))
    // A lesson without a summary shows its title alone.
    #expect(index.contains("<a href=\"03-c.html\">Third</a></li>"))
  }
}
