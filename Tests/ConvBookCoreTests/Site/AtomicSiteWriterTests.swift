import ConvBookCore
import Foundation
import Testing

/// The site swap: one atomic step, symbolic links followed, leftovers of killed builds removed,
/// and a failure to delete the old site reported.
@Suite struct AtomicSiteWriterTests {
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-swap-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func site(_ text: String) -> [(path: String, contents: Data)] {
    [("index.html", Data(text.utf8)), ("sub/page.html", Data(text.utf8))]
  }

  static func read(_ url: URL) throws -> String {
    try String(contentsOf: url.appendingPathComponent("index.html"), encoding: .utf8)
  }

  @Test func replacesTheSiteAndLeavesNothingBeside() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("site")
    let writer = AtomicSiteWriter(outputDirectory: out)
    try writer.write(Self.site("one"))
    try writer.write(Self.site("two"))
    #expect(try Self.read(out) == "two")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["site"])
  }

  @Test func refusesAFolderItDidNotWrite() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("mine")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
    try Data("keep".utf8).write(to: out.appendingPathComponent("notes.txt"))
    #expect(throws: AtomicSiteWriter.WriteError.notASite(out.path)) {
      try AtomicSiteWriter(outputDirectory: out).write(Self.site("x"))
    }
    let file = dir.appendingPathComponent("file")
    try Data("keep".utf8).write(to: file)
    #expect(throws: AtomicSiteWriter.WriteError.notASite(file.path)) {
      try AtomicSiteWriter(outputDirectory: file).write(Self.site("x"))
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["file", "mine"])
  }

  /// The deploy layout `site -> releases/current`: the link stays, its target gets the new site.
  @Test func followsASymlinkedOutput() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let releases = dir.appendingPathComponent("releases")
    let target = releases.appendingPathComponent("current")
    try AtomicSiteWriter(outputDirectory: target).write(Self.site("old"))
    let link = dir.appendingPathComponent("site")
    try FileManager.default.createSymbolicLink(
      atPath: link.path, withDestinationPath: "releases/current")
    try AtomicSiteWriter(outputDirectory: link).write(Self.site("new"))
    var info = stat()
    #expect(lstat(link.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "releases/current")
    #expect(try Self.read(target) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: releases.path) == ["current"])
    // A link to a folder that is not a site is refused like the folder itself.
    let foreign = dir.appendingPathComponent("foreign")
    try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: false)
    try Data().write(to: foreign.appendingPathComponent("a.txt"))
    let link2 = dir.appendingPathComponent("site2")
    try FileManager.default.createSymbolicLink(
      atPath: link2.path, withDestinationPath: foreign.path)
    #expect(throws: AtomicSiteWriter.WriteError.notASite(foreign.path)) {
      try AtomicSiteWriter(outputDirectory: link2).write(Self.site("x"))
    }
  }

  /// Lessons kept inside an earlier site would be lost when it is replaced: refused.
  @Test func refusesAnOutputThatHoldsTheLessons() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("site")
    try AtomicSiteWriter(outputDirectory: out).write(Self.site("x"))
    let lessons = out.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: false)
    try "# L\n".write(
      to: lessons.appendingPathComponent("a.md"), atomically: false, encoding: .utf8)
    #expect(throws: SiteBuilder.BuildError.self) {
      try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: out)
    }
    #expect(FileManager.default.fileExists(atPath: lessons.appendingPathComponent("a.md").path))
    #expect(
      throws: AtomicSiteWriter.WriteError.containsInput(output: out.path, input: lessons.path)
    ) {
      try AtomicSiteWriter(outputDirectory: out).checkTarget(inputs: [lessons])
    }
  }

  @Test func removesLeftoversOfKilledBuildsOnly() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("site")
    let dead = ".site.convbook-new-999999999"
    let deadOld = ".site.convbook-old-999999998"
    let live = ".site.convbook-new-1"  // PID 1 runs
    let other = ".other.convbook-new-999999999"  // another site's
    for name in [dead, deadOld, live, other] {
      try FileManager.default.createDirectory(
        at: dir.appendingPathComponent(name), withIntermediateDirectories: false)
    }
    try AtomicSiteWriter(outputDirectory: out).write(Self.site("x"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        == [
          live, other, "site",
        ].sorted())
  }

  static let canMakeImmutable: Bool = {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr") else {
      return false
    }
    guard let dir = try? folder() else { return false }
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("probe")
    guard (try? Data().write(to: file)) != nil, chattr("+i", file) else { return false }
    _ = chattr("-i", file)
    return true
  }()

  @discardableResult
  static func chattr(_ flag: String, _ file: URL) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    process.arguments = [flag, file.path]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  /// An old site that cannot be deleted (simulated with an immutable file): the new site is in
  /// place and the build fails saying where the old one is.
  @Test(.enabled(if: canMakeImmutable, "needs root and chattr to make an undeletable file"))
  func oldSiteThatCannotBeDeletedIsAnError() throws {
    let dir = try Self.folder()
    let out = dir.appendingPathComponent("site")
    let writer = AtomicSiteWriter(outputDirectory: out)
    try writer.write(Self.site("old"))
    let stuck = out.appendingPathComponent("sub/page.html")
    #expect(Self.chattr("+i", stuck))
    defer {
      for entry in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
        Self.chattr("-i", dir.appendingPathComponent(entry).appendingPathComponent("sub/page.html"))
      }
      try? FileManager.default.removeItem(at: dir)
    }
    let error = try #require(throws: AtomicSiteWriter.WriteError.self) {
      try writer.write(Self.site("new"))
    }
    guard case .oldSiteNotRemoved(let path, _) = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(try Self.read(out) == "new")
    #expect(FileManager.default.fileExists(atPath: path))
    #expect(error.description.contains("the new site is in place"))
  }
}
