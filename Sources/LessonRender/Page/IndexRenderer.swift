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
    var content: [HTMLNode] = isInstructorCopy ? PageRenderer.instructorBanner : []
    content += [
      .tag("h1", [:], [.text(siteTitle)]), .newline,
      .tag(
        "p", ["class": "lead"],
        [
          .text(
            "Lessons on designing convolutional networks, with every model run and every number computed."
          )
        ]),
      .newline,
    ]
    var items: [HTMLNode] = [.newline]
    for entry in entries {
      var item: [HTMLNode] = [.tag("a", ["href": entry.href], [.text(entry.title)])]
      if entry.hasErrors {
        item += [.text(" "), .tag("span", ["class": "badge-error"], [.text("has errors")])]
      }
      if let summary = entry.summary {
        item += [
          .void("br"), .tag("span", ["class": "lesson-summary"], Self.summaryNodes(summary)),
        ]
      }
      items += [.tag("li", [:], item), .newline]
    }
    content += [.tag("ol", ["class": "lesson-list"], items), .newline]
    return template.fill([
      "title": [.text(isInstructorCopy ? "[Instructor] Lessons" : "Lessons")],
      "site_title": [.text(siteTitle)], "stylesheet": [.text("style.css")],
      "nav": [], "content": content, "index": [.text("index.html")],
    ])
  }

  /// A summary as nodes: text, with each `backquoted` part in `<code>` (an unpaired backquote
  /// stays a backquote).
  static func summaryNodes(_ summary: String) -> [HTMLNode] {
    var parts = summary.components(separatedBy: "`")
    var trailing: [HTMLNode] = []
    if parts.count % 2 == 0 {
      trailing = [.text("`" + parts.removeLast())]
    }
    var nodes: [HTMLNode] = []
    for (index, part) in parts.enumerated() {
      nodes.append(index % 2 == 1 ? .tag("code", [:], [.text(part)]) : .text(part))
    }
    return nodes + trailing
  }
}
