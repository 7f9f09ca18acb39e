import KerasCells
import LessonKit

/// Turns a computed `LessonPage` into the HTML of its page.
public struct PageRenderer {
  public var template: PageTemplate
  public var siteTitle: String
  /// Whether pages are the instructors' copy (answers shown): they then carry a banner.
  public var isInstructorCopy: Bool
  /// Pages with at least this many section headings (levels 2 and 3) get a table of contents.
  public static let tableOfContentsThreshold = 4

  public init(
    template: PageTemplate = .standard, siteTitle: String = "ConvBook",
    isInstructorCopy: Bool = false
  ) {
    self.template = template
    self.siteTitle = siteTitle
    self.isInstructorCopy = isInstructorCopy
  }

  /// The banner of instructors' pages, so that nobody mistakes them for the student site.
  public static let instructorBanner =
    "<div class=\"instructor-banner\" role=\"note\"><strong>Instructor copy</strong> — answers and solutions are shown. Do not publish this build; publish the site built without <code>--solutions</code>.</div>\n"

  public func render(_ page: LessonPage) -> String {
    var content = ""
    var cellNumber = 0
    var markdown = MarkdownHTMLRenderer(headingIDs: true, rewritesLessonLinks: true)
    for block in page.blocks {
      switch block {
      case .prose(let node, let values):
        content += markdown.render(node) { expression, position in
          Self.inlineValue(
            expression: expression,
            value: values[InlineValueKey(line: position.startLine, column: position.startColumn)])
        }
      case .cell(let cell):
        cellNumber += 1
        content += Self.cell(cell, number: cellNumber)
      case .figure(let figure):
        content += figure.error.map { Self.errorBox($0, what: "figure") } ?? figure.html
      case .exercise(let exercise):
        content += exercise.error.map { Self.errorBox($0, what: "exercise") } ?? exercise.html
      }
    }
    content = Self.insertingTableOfContents(markdown.headings, into: content)
    if isInstructorCopy { content = Self.instructorBanner + content }
    var navigation = ""
    if let previous = page.previous {
      navigation +=
        "<a class=\"previous\" rel=\"prev\" href=\"\(HTMLEscaping.escapeAttribute(previous.href))\">← \(HTMLEscaping.escape(previous.title))</a>"
    }
    navigation += "<a class=\"contents\" href=\"index.html\">All lessons</a>"
    if let next = page.next {
      navigation +=
        "<a class=\"next\" rel=\"next\" href=\"\(HTMLEscaping.escapeAttribute(next.href))\">\(HTMLEscaping.escape(next.title)) →</a>"
    }
    let title = (isInstructorCopy ? "[Instructor] " : "") + page.title
    return template.fill([
      "title": HTMLEscaping.escape(title), "site_title": HTMLEscaping.escape(siteTitle),
      "stylesheet": "style.css", "nav": navigation, "content": content, "index": "index.html",
    ])
  }

  /// A list of the page's sections after its title, on pages long enough to need one.
  static func insertingTableOfContents(_ headings: [RenderedHeading], into content: String)
    -> String
  {
    let sections = headings.filter { $0.level == 2 || $0.level == 3 }
    guard sections.count >= tableOfContentsThreshold else { return content }
    var toc =
      "<nav class=\"toc\" aria-label=\"On this page\">\n<p class=\"toc-title\">On this page</p>\n<ul>\n"
    for heading in sections {
      toc +=
        "<li class=\"toc-level-\(heading.level)\"><a href=\"#\(HTMLEscaping.escapeAttribute(heading.id))\">\(HTMLEscaping.escape(heading.text))</a></li>\n"
    }
    toc += "</ul>\n</nav>\n"
    // After the title when the page starts with one, else at the top.
    if let titleEnd = content.range(of: "</h1>\n"),
      !content[..<titleEnd.lowerBound].contains("<h2")
    {
      return String(content[..<titleEnd.upperBound]) + toc + content[titleEnd.upperBound...]
    }
    return toc + content
  }

  static func inlineValue(expression: String, value: InlineValue?) -> String {
    switch value {
    case .text(let text)?:
      return
        "<span class=\"inline-value\" title=\"\(HTMLEscaping.escapeAttribute(expression))\">\(HTMLEscaping.escape(text))</span>"
    case .failure(let error)?:
      return
        "<span class=\"inline-error\" title=\"\(HTMLEscaping.escapeAttribute(error.headline))\"><code>\(HTMLEscaping.escape(expression))</code> ⚠</span>"
    case nil:
      return "<code>\(HTMLEscaping.escape(expression))</code>"
    }
  }

  static func cell(_ cell: CellView, number: Int) -> String {
    var html = "<section class=\"cell\" id=\"cell-\(number)\" aria-label=\"Cell \(number)\">\n"
    if !cell.hidesCode {
      html +=
        "<div class=\"cell-code\"><span class=\"cell-label\" aria-hidden=\"true\">In [\(number)]</span>"
      html +=
        "<pre><code class=\"language-python\">\(CodeHighlighter.html(cell.source))</code></pre></div>\n"
    }
    if !cell.hidesOutput && !cell.outputs.isEmpty {
      html +=
        "<div class=\"cell-output\"><span class=\"cell-label\" aria-hidden=\"true\">Out [\(number)]</span>"
      for output in cell.outputs {
        switch output {
        case .text(let text):
          html += "<pre class=\"output-text\">\(HTMLEscaping.escape(text))</pre>"
        case .summary(let summary):
          html +=
            "<pre class=\"output-summary\" aria-label=\"Summary of model \(HTMLEscaping.escapeAttribute(summary.name))\">"
          html +=
            HTMLEscaping.escape(cell.summaryFormat.render(summary)) + "</pre>"
        }
      }
      html += "</div>\n"
    }
    if let error = cell.error { html += errorBox(error, what: "cell") }
    return html + "</section>\n"
  }

  static func errorBox(_ error: PageError, what: String) -> String {
    var html = "<div class=\"error-box\" role=\"alert\">"
    html += "<p class=\"error-where\">This \(what) failed at line \(error.line)"
    if error.column > 0 { html += ", column \(error.column)" }
    html += ":</p><p class=\"error-message\">\(HTMLEscaping.escape(error.headline))</p>"
    if let excerpt = error.excerpt {
      html += "<pre class=\"error-excerpt\">\(HTMLEscaping.escape(excerpt))</pre>"
    }
    return html + "</div>\n"
  }
}
