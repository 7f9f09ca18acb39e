/// How links between lessons are written and where they lead: an instructor links
/// `02-padding.md#anchor`, as the files sit side by side in the lessons folder, and the page
/// links `02-padding.html#anchor`.
public enum LessonLinks {
  /// The page of a lesson file: `02-padding.md` → `02-padding.html`.
  public static func pageFileName(forLesson fileName: String) -> String {
    let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
    return stem + ".html"
  }

  /// The parts of a link destination that is relative (no scheme, not `/`-rooted, not only
  /// `#anchor`): its path, and its anchor without `#` (nil when there is none). Nil for other links.
  public static func relativeTarget(_ url: String) -> (path: String, anchor: String?)? {
    if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("/") || url.hasPrefix("\\") { return nil }
    // A scheme: letters, digits, `+`, `-`, `.` before the first `:`, which comes before any `/`.
    if let colon = url.firstIndex(of: ":") {
      let scheme = url[..<colon]
      if !scheme.isEmpty && !scheme.contains("/") && !scheme.contains("?")
        && !scheme.contains("#")
      {
        return nil
      }
    }
    var path = Substring(url)
    var anchor: String?
    if let hash = path.firstIndex(of: "#") {
      anchor = String(path[path.index(after: hash)...])
      path = path[..<hash]
    }
    if let query = path.firstIndex(of: "?") { path = path[..<query] }
    return (String(path), anchor)
  }

  /// Whether a relative link points at a lesson (a `.md` file).
  public static func isLessonLink(_ url: String) -> Bool {
    guard let target = relativeTarget(url) else { return false }
    return target.path.lowercased().hasSuffix(".md")
  }

  /// The link a page uses for a link written in a lesson: `.md` lessons become their pages,
  /// everything else stays as written.
  public static func pageHref(forLink url: String) -> String {
    guard let target = relativeTarget(url), target.path.lowercased().hasSuffix(".md") else {
      return url
    }
    let page = String(target.path.dropLast(3)) + ".html"
    return target.anchor.map { "\(page)#\($0)" } ?? page
  }
}
