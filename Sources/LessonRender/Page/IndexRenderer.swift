/// The site's index page: the lessons in order, with their titles and one-line summaries.
public struct IndexRenderer {
  public struct Entry {
    public var title: String
    public var href: String
    public var sourceFile: String
    public var hasErrors: Bool
    /// One line of plain text shown under the title; `backquoted` words are shown as code.
    public var summary: String?

    public init(
      title: String, href: String, sourceFile: String, hasErrors: Bool, summary: String? = nil
    ) {
      self.title = title
      self.href = href
      self.sourceFile = sourceFile
      self.hasErrors = hasErrors
      self.summary = summary
    }
  }

  public var template: PageTemplate
  public var siteTitle: String
  public var isInstructorCopy: Bool

  public init(
    template: PageTemplate = .standard, siteTitle: String = "ConvBook",
    isInstructorCopy: Bool = false
  ) {
    self.template = template
    self.siteTitle = siteTitle
    self.isInstructorCopy = isInstructorCopy
  }

  public func render(_ entries: [Entry]) -> String {
    var content = isInstructorCopy ? PageRenderer.instructorBanner : ""
    content += "<h1>\(HTMLEscaping.escape(siteTitle))</h1>\n"
    content +=
      "<p class=\"lead\">Lessons on designing convolutional networks, with every model run and every number computed.</p>\n"
    content += "<ol class=\"lesson-list\">\n"
    for entry in entries {
      content +=
        "<li><a href=\"\(HTMLEscaping.escapeAttribute(entry.href))\">\(HTMLEscaping.escape(entry.title))</a>"
      if entry.hasErrors { content += " <span class=\"badge-error\">has errors</span>" }
      if let summary = entry.summary {
        content += "<br><span class=\"lesson-summary\">\(Self.summaryHTML(summary))</span>"
      }
      content += "</li>\n"
    }
    content += "</ol>\n"
    return template.fill([
      "title": isInstructorCopy ? "[Instructor] Lessons" : "Lessons",
      "site_title": HTMLEscaping.escape(siteTitle), "stylesheet": "style.css",
      "nav": "", "content": content, "index": "index.html",
    ])
  }

  /// A summary as HTML: escaped text, with each `backquoted` part in `<code>` (an unpaired
  /// backquote stays a backquote).
  static func summaryHTML(_ summary: String) -> String {
    var parts = summary.components(separatedBy: "`")
    var trailing = ""
    if parts.count % 2 == 0 {
      trailing = "`" + HTMLEscaping.escape(parts.removeLast())
    }
    var html = ""
    for (index, part) in parts.enumerated() {
      html +=
        index % 2 == 1 ? "<code>\(HTMLEscaping.escape(part))</code>" : HTMLEscaping.escape(part)
    }
    return html + trailing
  }
}
