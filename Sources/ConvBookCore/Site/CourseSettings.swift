import Foundation
import KerasCells
import Yams

/// A course's settings, from `course.yml` in the lessons folder. Every setting is optional:
///
/// ```yaml
/// title: Designing convolutional networks   # the site title (default: ConvBook)
/// lessons:                                   # which lessons, in this order (default: every
///   - 05-flatten-or-global-pooling.md        #   .md file, in file-name order)
/// keras: 2                                   # 2 (tf-keras, default) or 3
/// footer: modern                             # Keras 2 summary footer: modern (default) or classic
/// base_url: https://example.org/course/      # where the site is published
/// summaries:                                 # one line per lesson for the index page
///   05-flatten-or-global-pooling.md: What a classifier head costs.
/// ```
///
/// Mistakes are errors at their line and column of `course.yml`: an unknown setting (with the
/// closest known one), a value of the wrong kind, a lesson that is not in the folder.
public struct CourseSettings: Equatable, Sendable {
  public static let fileName = "course.yml"

  public var title: String?
  /// Lesson file names in reading order; nil for every lesson in file-name order.
  public var lessons: [String]?
  /// The Keras major version the course is written for (2 or 3); nil when not set.
  public var kerasVersion: Int?
  public var footer: SummaryFooterStyle?
  /// The published site's address, ending in `/`.
  public var baseURL: String?
  /// One line per lesson file name, shown under its title on the index page.
  public var summaries: [String: String] = [:]
  /// The line of each name in `lessons`, for messages.
  var lessonLines: [String: Int] = [:]
  /// The line of each name in `summaries`, for messages.
  var summaryLines: [String: Int] = [:]

  public init(
    title: String? = nil, lessons: [String]? = nil, kerasVersion: Int? = nil,
    footer: SummaryFooterStyle? = nil, baseURL: String? = nil
  ) {
    self.title = title
    self.lessons = lessons
    self.kerasVersion = kerasVersion
    self.footer = footer
    self.baseURL = baseURL
  }

  static let keys = ["title", "lessons", "keras", "footer", "base_url", "summaries"]

  /// The settings of `lessonsDirectory`: defaults when it has no `course.yml`.
  public static func load(from lessonsDirectory: URL) throws(Diagnostic) -> CourseSettings {
    let file = lessonsDirectory.appendingPathComponent(fileName)
    guard FileManager.default.fileExists(atPath: file.path) else { return CourseSettings() }
    let display = file.relativeDisplayPath
    guard let text = try? String(contentsOf: file, encoding: .utf8) else {
      throw Diagnostic(
        file: display, line: 0, column: 0, message: "cannot read \(fileName) (is it UTF-8 text?)")
    }
    return try parse(text, file: display)
  }

  /// Parses the text of a `course.yml`; `file` is how messages name it.
  public static func parse(_ text: String, file: String) throws(Diagnostic) -> CourseSettings {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func error(_ message: String, at mark: Mark?) -> Diagnostic {
      let line = mark?.line ?? 0
      let column = mark?.column ?? 0
      var excerpt: (String, String)?
      if line >= 1, line <= lines.count, column >= 1 {
        excerpt = (lines[line - 1], String(repeating: " ", count: column - 1) + "^")
      }
      return Diagnostic(file: file, line: line, column: column, message: message, excerpt: excerpt)
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let yamlError as YamlError {
      throw Self.diagnostic(for: yamlError, file: file, lines: lines)
    } catch {
      throw Diagnostic(file: file, line: 0, column: 0, message: "\(error)")
    }
    guard let root else { return CourseSettings() }
    guard let mapping = root.mapping else {
      throw error(
        "\(fileName) must be a list of settings such as `title: My course`", at: root.mark)
    }
    var settings = CourseSettings()
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      func text() throws(Diagnostic) -> String {
        guard let string = value.scalar?.string, value.scalar != nil else {
          throw error("'\(key)' must be text", at: value.mark)
        }
        return string
      }
      switch key {
      case "title":
        settings.title = try text()
      case "lessons":
        guard let sequence = value.sequence else {
          throw error(
            "'lessons' must be a list of lesson files, one `- NAME.md` per line", at: value.mark)
        }
        var names: [String] = []
        for item in sequence {
          guard let name = item.scalar?.string, name.hasSuffix(".md"), !name.contains("/") else {
            throw error(
              "each lesson is a .md file of the lessons folder, such as `- 01-intro.md`",
              at: item.mark)
          }
          if names.contains(name) { throw error("'\(name)' is listed twice", at: item.mark) }
          names.append(name)
          settings.lessonLines[name] = item.mark?.line ?? 0
        }
        settings.lessons = names
      case "keras":
        let version = try text()
        guard version == "2" || version == "3" else {
          throw error("'keras' must be 2 or 3, not '\(version)'", at: value.mark)
        }
        settings.kerasVersion = Int(version)
      case "footer":
        let style = try text()
        guard let footer = SummaryFooterStyle(rawValue: style) else {
          throw error("'footer' must be classic or modern, not '\(style)'", at: value.mark)
        }
        settings.footer = footer
      case "base_url":
        var url = try text()
        guard url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("/") else {
          throw error("'base_url' must start with https://, http:// or /", at: value.mark)
        }
        if !url.hasSuffix("/") { url += "/" }
        settings.baseURL = url
      case "summaries":
        guard let entries = value.mapping else {
          throw error(
            "'summaries' must map lesson files to one line each, such as "
              + "`01-intro.md: What a kernel computes.`", at: value.mark)
        }
        for (nameNode, summaryNode) in entries {
          guard let name = nameNode.string, name.hasSuffix(".md"), !name.contains("/") else {
            throw error(
              "each summary is for a .md file of the lessons folder, such as `01-intro.md: ...`",
              at: nameNode.mark)
          }
          guard let summary = summaryNode.scalar?.string else {
            throw error("the summary of '\(name)' must be one line of text", at: summaryNode.mark)
          }
          let line = summary.split(whereSeparator: \.isWhitespace).joined(separator: " ")
          guard !line.isEmpty else {
            throw error("the summary of '\(name)' is empty", at: summaryNode.mark)
          }
          settings.summaries[name] = line
          settings.summaryLines[name] = nameNode.mark?.line ?? 0
        }
      default:
        let closest = keys.min { distance($0, key) < distance($1, key) }
        let hint = closest.flatMap { distance($0, key) <= 3 ? "; did you mean '\($0)'?" : nil }
        throw error(
          "unknown setting '\(key)'\(hint ?? " (known: \(keys.joined(separator: ", ")))")",
          at: keyNode.mark)
      }
    }
    return settings
  }

  /// A YAML syntax error at its line and column.
  static func diagnostic(for error: YamlError, file: String, lines: [String]) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _):
      let message = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }
        .joined(separator: ": ")
      var excerpt: (String, String)?
      if mark.line >= 1, mark.line <= lines.count, mark.column >= 1 {
        excerpt = (lines[mark.line - 1], String(repeating: " ", count: mark.column - 1) + "^")
      }
      return Diagnostic(
        file: file, line: mark.line, column: mark.column, message: "YAML: \(message)",
        excerpt: excerpt)
    default:
      return Diagnostic(file: file, line: 0, column: 0, message: "YAML: \(error)")
    }
  }

  /// The lesson files to build from `available` (every `.md` lesson of the folder, sorted), in
  /// the order the settings give.
  /// A summary for a file that is not one of these lessons is an error at its line.
  public func orderedLessons(_ available: [URL], file: String) throws(Diagnostic) -> [URL] {
    let result = try listedLessons(available, file: file)
    for name in summaries.keys.sorted()
    where !result.contains(where: { $0.lastPathComponent == name }) {
      let near = result.map(\.lastPathComponent).min {
        Self.distance($0, name) < Self.distance($1, name)
      }
      throw Diagnostic(
        file: file, line: summaryLines[name] ?? 0, column: summaryLines[name] == nil ? 0 : 3,
        message: "'summaries' names '\(name)', which is not a lesson of the course"
          + (near.map { "; did you mean '\($0)'?" } ?? ""))
    }
    return result
  }

  private func listedLessons(_ available: [URL], file: String) throws(Diagnostic) -> [URL] {
    guard let lessons else { return available }
    var result: [URL] = []
    for name in lessons {
      guard let url = available.first(where: { $0.lastPathComponent == name }) else {
        let near = available.map(\.lastPathComponent).min {
          Self.distance($0, name) < Self.distance($1, name)
        }
        throw Diagnostic(
          file: file, line: lessonLines[name] ?? 0, column: lessonLines[name] == nil ? 0 : 5,
          message: "the lessons list names '\(name)', which is not a lesson of the folder"
            + (near.map { "; did you mean '\($0)'?" } ?? ""))
      }
      result.append(url)
    }
    return result
  }

  static func distance(_ a: String, _ b: String) -> Int {
    LessonReferences.distance(a, b)
  }
}
