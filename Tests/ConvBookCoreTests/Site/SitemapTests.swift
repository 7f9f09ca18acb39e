import ConvBookCore
import Foundation
import Testing

/// `base_url` in course.yml gives the built site a `sitemap.xml` of absolute URLs.
@Suite struct SitemapTests {
  static func build(settings: String) throws -> (work: URL, site: URL) {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-sitemap-\(UUID().uuidString)")
    let lessons = work.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    for name in ["02-b&c.md", "01-a.md"] {
      try "# \(name)\n\nText.\n".write(
        to: lessons.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try settings.write(
      to: lessons.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
    let site = work.appendingPathComponent("site")
    _ = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: site)
    return (work, site)
  }

  @Test func anAbsoluteBaseGivesASitemapInCourseOrder() throws {
    let (work, site) = try Self.build(settings: "base_url: https://example.org/cnn\n")
    defer { try? FileManager.default.removeItem(at: work) }
    let text = try String(
      contentsOf: site.appendingPathComponent("sitemap.xml"), encoding: .utf8)
    #expect(
      text == """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>https://example.org/cnn/</loc></url>
          <url><loc>https://example.org/cnn/01-a.html</loc></url>
          <url><loc>https://example.org/cnn/02-b%26c.html</loc></url>
        </urlset>

        """)
  }

  @Test func aRelativeBaseOrNoneGivesNoSitemap() throws {
    for settings in ["base_url: /cnn/\n", "title: T\n"] {
      let (work, site) = try Self.build(settings: settings)
      defer { try? FileManager.default.removeItem(at: work) }
      #expect(
        !FileManager.default.fileExists(atPath: site.appendingPathComponent("sitemap.xml").path))
    }
  }
}
