import ConvBookCore
import Foundation
import Testing

@Suite struct SingleLessonBuildTests {
  @Test func buildingOneLessonKeepsTheOtherPages() throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-one-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let lessons = work.appendingPathComponent("lessons")
    let site = work.appendingPathComponent("site")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    let a = lessons.appendingPathComponent("01-a.md")
    let b = lessons.appendingPathComponent("02-b.md")
    try "# A\n\nfirst\n".write(to: a, atomically: true, encoding: .utf8)
    try "# B\n\nfirst\n".write(to: b, atomically: true, encoding: .utf8)
    _ = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: site)

    try "# A\n\nsecond\n".write(to: a, atomically: true, encoding: .utf8)
    try "# B\n\nsecond\n".write(to: b, atomically: true, encoding: .utf8)
    let report = try SiteBuilder().build(
      lessonsDirectory: lessons, outputDirectory: site, only: "02-b.md")
    #expect(report.lessons.map(\.pageFileName) == ["02-b.html"])
    let pageA = try String(contentsOf: site.appendingPathComponent("01-a.html"), encoding: .utf8)
    let pageB = try String(contentsOf: site.appendingPathComponent("02-b.html"), encoding: .utf8)
    #expect(pageA.contains("<p>first</p>"), "the other lesson is not run again")
    #expect(pageB.contains("<p>second</p>"))
    #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))

    #expect(throws: SiteBuilder.BuildError.self) {
      try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: site, only: "09-x.md")
    }
  }
}
