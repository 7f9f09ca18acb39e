import ConvBookCore
import Foundation
import Testing

@testable import ConvBookServer

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite struct CourseServerTests {
  static func get(_ url: URL) async throws -> String {
    let (data, _) = try await URLSession.shared.data(from: url)
    return String(decoding: data, as: UTF8.self)
  }

  @Test func servesRebuildsTheEditedLessonAloneAndReloads() async throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-serve-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let lessons = work.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    let a = lessons.appendingPathComponent("01-a.md")
    try "# A\n\nfirst version\n".write(to: a, atomically: true, encoding: .utf8)
    try "# B\n\nsecond lesson\n".write(
      to: lessons.appendingPathComponent("02-b.md"), atomically: true, encoding: .utf8)
    let site = work.appendingPathComponent("site")
    let server = CourseServer(
      configuration: .init(
        lessonsDirectory: lessons, siteDirectory: site, port: 0,
        cache: ExecutionCache(directory: work.appendingPathComponent("cache"))))
    try await server.start()
    let port = try #require(await server.port)
    let base = URL(string: "http://127.0.0.1:\(port)/")!
    #expect(await server.lastBuiltLessons == ["01-a.md", "02-b.md"])

    let page = try await Self.get(base.appendingPathComponent("01-a.html"))
    #expect(page.contains("first version"))
    #expect(page.contains("/__convbook/wait"), "served pages carry the reload hook")
    let built = try String(contentsOf: site.appendingPathComponent("01-a.html"), encoding: .utf8)
    #expect(!built.contains("<script"), "the built site stays free of JavaScript")
    let index = try await Self.get(base)
    #expect(index.contains("01-a.html"))

    let before = await server.version
    try "# A\n\nsecond version\n".write(to: a, atomically: true, encoding: .utf8)
    let waited = try await Self.get(
      URL(string: "http://127.0.0.1:\(port)/__convbook/wait?since=\(before)")!)
    #expect(Int(waited) ?? 0 > before)
    let edited = try await Self.get(base.appendingPathComponent("01-a.html"))
    #expect(edited.contains("second version"))
    #expect(await server.lastBuiltLessons == ["01-a.md"], "only the edited lesson ran")

    let missing = try await Self.get(base.appendingPathComponent("../../etc/passwd"))
    #expect(missing.hasPrefix("not found"))
    await server.stop()
  }
}
