import Foundation
import LessonKit
import LessonRender

/// What a lesson's prose points at on disk: images and other files it links by relative path,
/// which the site must carry, and other lessons (`02-padding.md#anchor`), which must exist and
/// have that anchor. `build` copies the files; `build` and `verify` report every missing target
/// at its line, so a page never ships a broken image or link.
public struct LessonReferences {
  /// A file to copy into the site: its path there (as the page links it, percent-decoded) and
  /// where it is.
  public struct Asset: Hashable {
    public var sitePath: String
    public var source: URL
  }

  /// The largest file a lesson may link (1 GiB): the site's files are held in memory until the
  /// site is written.
  public static let maximumAssetBytes = 1 << 30

  public var assets: [Asset] = []
  public var diagnostics: [Diagnostic] = []

  /// Checks `lesson`, which lives in `lessonsDirectory`; `anchors` holds, for each lesson file
  /// name of the course, the anchors of its page (``PageAnchors``).
  public init(
    lesson: Lesson, sourceFile: String, lessonsDirectory: URL, anchors: [String: Set<String>]
  ) {
    let root = lessonsDirectory.standardizedFileURL
    var seen: Set<String> = []
    func visit(_ node: MarkdownNode) {
      switch node.kind {
      case .link(let url, _): check(url, at: node.position, isImage: false)
      case .image(let url, _): check(url, at: node.position, isImage: true)
      default: break
      }
      for child in node.children { visit(child) }
    }
    func report(_ position: SourcePosition, _ message: String) {
      diagnostics.append(
        Diagnostic(
          file: sourceFile, line: position.startLine, column: position.startColumn,
          message: message))
    }
    func check(_ url: String, at position: SourcePosition, isImage: Bool) {
      if url.hasPrefix("#") {
        let anchor = String(url.dropFirst())
        if !anchor.isEmpty, let own = anchors[lesson.fileName], !own.contains(anchor) {
          report(position, "link to '#\(anchor)': this lesson has no heading with that anchor")
        }
        return
      }
      guard let target = LessonLinks.relativeTarget(url), !target.path.isEmpty else { return }
      let path = target.path.removingPercentEncoding ?? target.path
      if !isImage && LessonLinks.isLessonLink(url) {
        guard let targetAnchors = anchors[path] else {
          let known = anchors.keys.sorted()
          let hint = known.min { Self.distance($0, path) < Self.distance($1, path) }
            .flatMap { Self.distance($0, path) <= max(2, path.count / 4) ? $0 : nil }
          report(
            position,
            "link to '\(path)': no such lesson in the lessons folder"
              + (hint.map { "; did you mean '\($0)'?" } ?? ""))
          return
        }
        if let anchor = target.anchor, !anchor.isEmpty, !targetAnchors.contains(anchor) {
          report(
            position, "link to '\(path)#\(anchor)': that lesson has no heading with that anchor")
        }
        return
      }
      if path.lowercased().hasSuffix(".html"),
        path == "index.html"
          || anchors.keys.contains(where: { LessonLinks.pageFileName(forLesson: $0) == path })
      {
        // A page the build writes, linked by its site name.
        return
      }
      let file = root.appendingPathComponent(path).standardizedFileURL
      guard file.path.hasPrefix(root.path + "/") else {
        report(
          position,
          "\(isImage ? "image" : "link") '\(url)' points outside the lessons folder; put the file inside it"
        )
        return
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
        report(
          position,
          "\(isImage ? "image" : "linked file") '\(path)' not found (looked for \(file.relativeDisplayPath))"
        )
        return
      }
      if isDirectory.boolValue {
        report(position, "link '\(url)' points at a folder; link a file inside it")
        return
      }
      // Only a regular file is copied, whatever a symbolic link leads to: copying a device
      // (`/dev/zero`) never ends and a named pipe blocks; and the site is held in memory until it
      // is written, so a file is copied up to `maximumAssetBytes`.
      var info = stat()
      if stat(file.path, &info) == 0 {
        let what = isImage ? "image" : "linked file"
        guard (info.st_mode & S_IFMT) == S_IFREG else {
          report(
            position,
            "\(what) '\(path)' is \(FileKind.describe(mode: info.st_mode)), not a regular file; link a file"
          )
          return
        }
        guard Int(info.st_size) <= Self.maximumAssetBytes else {
          report(
            position,
            "\(what) '\(path)' is \(info.st_size) bytes, more than the \(Self.maximumAssetBytes) bytes ConvBook copies into a site"
          )
          return
        }
      }
      let sitePath = String(file.path.dropFirst(root.path.count + 1))
      if seen.insert(sitePath).inserted {
        assets.append(Asset(sitePath: sitePath, source: file))
      }
    }
    for block in lesson.blocks {
      if case .prose(let node) = block { visit(node) }
    }
  }

  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
