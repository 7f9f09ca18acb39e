import ConvBookCore
import FlyingFox
import Foundation

/// `convbook serve`: builds the course, serves the site on 127.0.0.1 only, watches the lessons
/// folder and rebuilds what changed, and makes open pages reload themselves.
///
/// A changed lesson is rebuilt alone (``SiteBuilder/build(lessonsDirectory:outputDirectory:only:progress:)``,
/// the other pages are kept); a change to anything else in the folder (theme, `course.yml`, a linked
/// file) rebuilds the whole site. The reload hook is added to pages as they are served, never
/// written into the site, so built sites stay free of JavaScript.
public actor CourseServer {
  public struct Configuration: Sendable {
    public var lessonsDirectory: URL
    public var siteDirectory: URL
    /// 0 picks a free port (see ``port``).
    public var port: UInt16
    public var isInstructorCopy: Bool
    /// How often the lessons folder is scanned for changes.
    public var pollInterval: Duration
    /// Where executed lessons are kept between builds (nil runs every lesson every time).
    public var cache: ExecutionCache?
    /// Each lesson in its own process, as `build` runs them, so that a lesson that crashes or runs
    /// away fails alone and the server keeps serving (the CLI's choice); nil runs them here.
    public var isolation: LessonIsolation?

    public init(
      lessonsDirectory: URL, siteDirectory: URL, port: UInt16 = 8000,
      isInstructorCopy: Bool = false,
      pollInterval: Duration = .milliseconds(50), cache: ExecutionCache? = ExecutionCache()
    ) {
      self.cache = cache
      self.lessonsDirectory = lessonsDirectory
      self.siteDirectory = siteDirectory
      self.port = port
      self.isInstructorCopy = isInstructorCopy
      self.pollInterval = pollInterval
    }
  }

  public let configuration: Configuration
  /// Increases with every build; pages reload when it moves past the one they were served with.
  public private(set) var version = 0
  /// The lesson files the latest build ran (all of them for a full build).
  public private(set) var lastBuiltLessons: [String] = []
  /// What the latest build reported, for the terminal.
  public private(set) var lastMessages: [String] = []
  private var server: HTTPServer?
  private var watcher: Task<Void, Never>?
  private var snapshot: [String: FileStamp] = [:]

  public init(configuration: Configuration) {
    self.configuration = configuration
  }

  /// Builds the site and starts serving; returns once the server listens.
  public func start() async throws {
    snapshot = Self.scan(configuration.lessonsDirectory)
    rebuild(only: nil)
    let server = HTTPServer(
      address: try .inet(ip4: "127.0.0.1", port: configuration.port), logger: .disabled)
    await server.appendRoute("GET /__convbook/wait") { [weak self] request in
      guard let self else { return HTTPResponse(statusCode: .notFound) }
      let since = Int(request.query["since"] ?? "") ?? 0
      return HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"],
        body: Data(String(await self.waitForVersion(after: since)).utf8))
    }
    await server.appendRoute("GET *") { [weak self] request in
      guard let self else { return HTTPResponse(statusCode: .notFound) }
      return await self.file(for: request.path)
    }
    self.server = server
    Task { try await server.run() }
    // FlyingFox's default wait is 5 s, which a busy machine (a class's shared server, a test run
    // beside other suites) can exceed before the listening task is even scheduled.
    try await server.waitUntilListening(timeout: 60)
    watcher = Task { await self.watch() }
  }

  /// The port the server listens on.
  public var port: UInt16? {
    get async {
      guard case .ip4(_, let port)? = await server?.listeningAddress else { return nil }
      return port
    }
  }

  /// Stops watching and serving; no rebuild runs and nothing is printed after this returns.
  public func stop() async {
    watcher?.cancel()
    watcher = nil
    await server?.stop()
  }

  // MARK: Building

  private func rebuild(only lesson: String?) {
    var builder = SiteBuilder(cache: configuration.cache)
    builder.isInstructorCopy = configuration.isInstructorCopy
    builder.isolation = configuration.isolation
    do {
      let report = try builder.build(
        lessonsDirectory: configuration.lessonsDirectory,
        outputDirectory: configuration.siteDirectory, only: lesson)
      lastBuiltLessons = report.lessons.map {
        URL(fileURLWithPath: $0.sourceFile).lastPathComponent
      }
      lastMessages = report.failingLessons.flatMap { $0.diagnostics.map { $0.formatted() } }
    } catch {
      lastBuiltLessons = []
      lastMessages = [error.description]
    }
    version += 1
  }

  private func watch() async {
    while !Task.isCancelled {
      try? await Task.sleep(for: configuration.pollInterval)
      guard !Task.isCancelled else { return }
      let current = Self.scan(configuration.lessonsDirectory)
      guard current != snapshot else { continue }
      let changed = Set(current.keys).union(snapshot.keys).filter { current[$0] != snapshot[$0] }
      snapshot = current
      let lessons = changed.filter { !$0.contains("/") && $0.hasSuffix(".md") }
      let onlyLessons =
        lessons.count == changed.count && lessons.allSatisfy { current[$0] != nil }
      if onlyLessons {
        for lesson in lessons.sorted() { rebuild(only: lesson) }
      } else {
        rebuild(only: nil)
      }
      guard !Task.isCancelled else { return }
      for message in lastMessages { FileHandle.standardError.write(Data((message + "\n").utf8)) }
    }
  }

  private func waitForVersion(after since: Int) async -> Int {
    let deadline = ContinuousClock.now + .seconds(25)
    while version <= since && ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(50))
    }
    return version
  }

  // MARK: Serving

  private func file(for requestPath: String) -> HTTPResponse {
    var path = requestPath.removingPercentEncoding ?? requestPath
    if path.hasSuffix("/") { path += "index.html" }
    let root = configuration.siteDirectory.standardizedFileURL
    let file = root.appendingPathComponent(path).standardizedFileURL
    guard file.path.hasPrefix(root.path + "/"), !file.lastPathComponent.hasPrefix("."),
      let data = try? Data(contentsOf: file)
    else {
      return HTTPResponse(
        statusCode: .notFound, headers: [.contentType: "text/plain"],
        body: Data("not found: \(path)\n".utf8))
    }
    let type = Self.contentType(of: file.pathExtension.lowercased())
    var body = data
    if type.hasPrefix("text/html") {
      body = Self.withReloadHook(data, version: version)
    }
    return HTTPResponse(
      statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
  }

  /// A served page: the site's page plus a script that waits for the next build and reloads.
  static func withReloadHook(_ page: Data, version: Int) -> Data {
    let script = """
      <script>/* convbook serve: reload after the next build */
      (function () { var v = \(version); function wait() {
        fetch('/__convbook/wait?since=' + v).then(function (r) { return r.text(); })
          .then(function (t) { if (+t > v) { location.reload(); } else { wait(); } })
          .catch(function () { setTimeout(wait, 1000); }); } wait(); })();
      </script>

      """
    let html = String(decoding: page, as: UTF8.self)
    guard let end = html.range(of: "</body>", options: .backwards) else {
      return Data((html + script).utf8)
    }
    return Data((html[..<end.lowerBound] + script + html[end.lowerBound...]).utf8)
  }

  static func contentType(of fileExtension: String) -> String {
    switch fileExtension {
    case "html": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "svg": return "image/svg+xml"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "gif": return "image/gif"
    case "webp": return "image/webp"
    case "json": return "application/json"
    case "txt", "md", "py": return "text/plain; charset=utf-8"
    default: return "application/octet-stream"
    }
  }

  // MARK: Watching

  struct FileStamp: Equatable {
    var modified: Date
    var size: Int
  }

  /// Every visible file under `directory` (relative path → stamp); polling works everywhere.
  static func scan(_ directory: URL) -> [String: FileStamp] {
    var result: [String: FileStamp] = [:]
    let root = directory.standardizedFileURL.path
    guard
      let enumerator = FileManager.default.enumerator(
        at: directory, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey],
        options: [.skipsHiddenFiles])
    else { return result }
    for case let url as URL in enumerator {
      guard
        let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey]),
        let size = values.fileSize
      else { continue }
      let path = url.standardizedFileURL.path
      let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
      result[relative] = FileStamp(
        modified: values.contentModificationDate ?? .distantPast, size: size)
    }
    return result
  }
}
