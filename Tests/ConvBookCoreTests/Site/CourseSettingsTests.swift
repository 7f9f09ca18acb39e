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
}
