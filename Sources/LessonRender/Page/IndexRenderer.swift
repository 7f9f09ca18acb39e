/// The site's index page: the lessons in order, with their titles.
public struct IndexRenderer {
  public struct Entry {
    public var title: String
    public var href: String
    public var sourceFile: String
    public var hasErrors: Bool

    public init(title: String, href: String, sourceFile: String, hasErrors: Bool) {
      self.title = title
      self.href = href
      self.sourceFile = sourceFile
      self.hasErrors = hasErrors
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
      content += "</li>\n"
    }
    content += "</ol>\n"
    return template.fill([
      "title": isInstructorCopy ? "[Instructor] Lessons" : "Lessons",
      "site_title": HTMLEscaping.escape(siteTitle), "stylesheet": "style.css",
      "nav": "", "content": content, "index": "index.html",
    ])
  }
}
