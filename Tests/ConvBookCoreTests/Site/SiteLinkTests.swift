import ConvBookCore
import Foundation
import Testing

/// Links built from lesson file names resolve to the files written, whatever the names hold.
@Suite struct SiteLinkTests {
  @Test func linksToLessonsWithURLCharactersInTheirNames() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-links-\(UUID().uuidString)")
    let lessons = dir.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let names = ["a#b", "c?d", "e%20f", "g h&i", "ü'x"]
    for name in names {
      try "# Lesson \(name)\n\nText.\n".write(
        to: lessons.appendingPathComponent(name + ".md"), atomically: false, encoding: .utf8)
    }
    let site = dir.appendingPathComponent("site")
    _ = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: site)

    func hrefs(_ page: String) throws -> [String] {
      let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
      let pattern = try NSRegularExpression(pattern: "href=\"([^\"]*)\"")
      return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
        String(html[Range($0.range(at: 1), in: html)!])
      }
    }
    /// What a browser opens for a relative href: HTML entities first, then percent-decoding; no
    /// fragment or query may be left over.
    func resolves(_ href: String) -> Bool {
      let attribute = href.replacingOccurrences(of: "&amp;", with: "&")
        .replacingOccurrences(of: "&#39;", with: "'")
      guard let url = URL(string: attribute, relativeTo: site.appendingPathComponent("index.html")),
        url.fragment == nil, url.query == nil,
        let path = attribute.removingPercentEncoding
      else { return false }
      return FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path)
    }
    let indexLinks = try hrefs("index.html").filter { $0.hasSuffix(".html") && $0 != "index.html" }
    #expect(indexLinks.count == names.count)
    #expect(indexLinks.contains("a%23b.html"))
    #expect(indexLinks.contains("e%2520f.html"))
    for href in indexLinks { #expect(resolves(href), "\(href)") }
    for name in names {
      for href in try hrefs(name + ".html") where href.hasSuffix(".html") {
        #expect(resolves(href), "\(href) in \(name).html")
      }
    }
  }

  @Test func aLessonNamedIndexFailsInsteadOfReplacingTheContentsPage() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-links-\(UUID().uuidString)")
    let lessons = dir.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["index", "other"] {
      try "# \(name)\n".write(
        to: lessons.appendingPathComponent(name + ".md"), atomically: false, encoding: .utf8)
    }
    let site = dir.appendingPathComponent("site")
    let report = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: site)
    #expect(report.failingLessons.map(\.pageFileName) == ["index.html"])
    let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("other.html"))
  }
}
