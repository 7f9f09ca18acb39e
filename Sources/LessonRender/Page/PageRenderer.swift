import KerasCells
import LessonKit

/// Turns a computed `LessonPage` into the HTML of its page, in one pass over its blocks: each block
/// becomes typed nodes (`HTMLNode`), figures are drawn from their data here, and the nodes are
/// written once into the page template.
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
  public static let instructorBanner: [HTMLNode] = [
    .tag(
      "div", ["class": "instructor-banner", "role": "note"],
      [
        .tag("strong", [:], [.text("Instructor copy")]),
        .text(
          " — answers and solutions are shown. Do not publish this build; publish the site built without "
        ),
        .tag("code", [:], [.text("--solutions")]), .text("."),
      ]),
    .newline,
  ]

  public func render(_ page: LessonPage) -> String {
    var content: [HTMLNode] = []
    var cellNumber = 0
    var markdown = MarkdownHTMLRenderer(headingIDs: true, rewritesLessonLinks: true)
    // Where the table of contents goes: after the page's title, when the title comes first.
    var tableOfContentsAt: Int?
    var seenSection = false
    for block in page.blocks {
      switch block {
      case .prose(let node, let values):
        let render: (String, SourcePosition) -> String = { expression, position in
          Self.inlineValue(
            expression: expression,
            value: values[InlineValueKey(line: position.startLine, column: position.startColumn)]
          ).markup
        }
        let children = node.kind == .document ? node.children : [node]
        var rest = children[...]
        if tableOfContentsAt == nil && !seenSection,
          let title = children.firstIndex(where: { [1, 2].contains(Self.headingLevel($0)) })
        {
          if Self.headingLevel(children[title]) == 1 {
            content.append(markdown.renderNode(Array(children[...title]), inlineExpression: render))
            tableOfContentsAt = content.count
            rest = children[(title + 1)...]
          } else {
            seenSection = true
          }
        }
        content.append(markdown.renderNode(Array(rest), inlineExpression: render))
      case .cell(let cell):
        cellNumber += 1
        content += Self.cell(cell, number: cellNumber)
      case .figure(let figure):
        if let error = figure.error {
          content += Self.errorBox(error, what: "figure")
        } else if let node = FigureRenderer.node(figure) {
          content += [node, .newline]
        }
      case .exercise(let exercise):
        if let error = exercise.error {
          content += Self.errorBox(error, what: "exercise")
        } else if let card = exercise.card {
          content += ExerciseCardRenderer.nodes(card)
        }
      case .downloads(let notebook, let studentFile):
        content += Self.downloads(notebook: notebook, studentFile: studentFile)
      case .failure(let message):
        content += [
          .tag(
            "div", ["class": "error-box", "role": "alert"],
            [.tag("p", ["class": "error-message"], [.text(message)])]),
          .newline,
        ]
      }
    }
    let toc = Self.tableOfContents(markdown.headings)
    content.insert(contentsOf: toc, at: tableOfContentsAt ?? 0)
    if isInstructorCopy { content.insert(contentsOf: Self.instructorBanner, at: 0) }
    var navigation: [HTMLNode] = []
    if let previous = page.previous {
      navigation.append(
        .tag(
          "a", ["class": "previous", "rel": "prev", "href": previous.href],
          [.text("← " + previous.title)]))
    }
    navigation.append(
      .tag("a", ["class": "contents", "href": "index.html"], [.text("All lessons")]))
    if let next = page.next {
      navigation.append(
        .tag("a", ["class": "next", "rel": "next", "href": next.href], [.text(next.title + " →")]))
    }
    let title = (isInstructorCopy ? "[Instructor] " : "") + page.title
    return template.fill([
      "title": [.text(title)], "site_title": [.text(siteTitle)], "stylesheet": [.text("style.css")],
      "nav": navigation, "content": content, "index": [.text("index.html")],
    ])
  }

  static func headingLevel(_ node: MarkdownNode) -> Int? {
    if case .heading(let level) = node.kind { return level }
    return nil
  }

  /// A list of the page's sections, on pages long enough to need one.
  static func tableOfContents(_ headings: [RenderedHeading]) -> [HTMLNode] {
    let sections = headings.filter { $0.level == 2 || $0.level == 3 }
    guard sections.count >= tableOfContentsThreshold else { return [] }
    var items: [HTMLNode] = [.newline]
    for heading in sections {
      items += [
        .tag(
          "li", ["class": "toc-level-\(heading.level)"],
          [.tag("a", ["href": "#" + heading.id], [.text(heading.text)])]),
        .newline,
      ]
    }
    return [
      .tag(
        "nav", ["class": "toc", "aria-label": "On this page"],
        [
          .newline, .tag("p", ["class": "toc-title"], [.text("On this page")]), .newline,
          .tag("ul", [:], items), .newline,
        ]),
      .newline,
    ]
  }

  /// A `{keras}` value in prose: its text, or the expression marked as failed.
  static func inlineValue(expression: String, value: InlineValue?) -> HTMLNode {
    switch value {
    case .text(let text)?:
      return .tag("span", ["class": "inline-value", "title": expression], [.text(text)])
    case .failure(let error)?:
      return .tag(
        "span", ["class": "inline-error", "title": error.headline],
        [.tag("code", [:], [.text(expression)]), .text(" ⚠")])
    case nil:
      return .tag("code", [:], [.text(expression)])
    }
  }

  /// The line under the title that links the notebook and the student file.
  static func downloads(notebook: String, studentFile: String?) -> [HTMLNode] {
    var children: [HTMLNode] = [
      .text("Try this lesson in Jupyter or Colab: "),
      .tag("a", attributes: [.init("href", notebook), .flag("download")], [.text(notebook)]),
    ]
    if let studentFile {
      children += [
        .text(" · check your answers with "), .tag("code", [:], [.text("convbook")]),
        .text(": "),
        .tag(
          "a", attributes: [.init("href", studentFile), .flag("download")], [.text(studentFile)]),
      ]
    }
    return [.tag("p", ["class": "lesson-downloads"], children), .newline]
  }

  static func cell(_ cell: CellView, number: Int) -> [HTMLNode] {
    var children: [HTMLNode] = [.newline]
    if !cell.hidesCode {
      children += [
        .tag(
          "div", ["class": "cell-code"],
          [
            .tag(
              "span", ["class": "cell-label", "aria-hidden": "true"], [.text("In [\(number)]")]),
            .tag(
              "pre", [:],
              [.tag("code", ["class": "language-python"], CodeHighlighter.nodes(cell.source))]),
          ]),
        .newline,
      ]
    }
    if !cell.hidesOutput && !(cell.outputs.isEmpty && cell.warnings.isEmpty) {
      var output: [HTMLNode] = [
        .tag("span", ["class": "cell-label", "aria-hidden": "true"], [.text("Out [\(number)]")])
      ]
      // Standard error first: Keras warns when the layer is made, before anything is printed.
      for warning in cell.warnings {
        output.append(
          .tag(
            "pre", ["class": "output-stderr", "aria-label": "Warning on standard error"],
            [.text(warning)]))
      }
      for item in cell.outputs {
        switch item {
        case .text(let text):
          output.append(.tag("pre", ["class": "output-text"], [.text(text)]))
        case .summary(let summary):
          output.append(
            .tag(
              "pre",
              ["class": "output-summary", "aria-label": "Summary of model \(summary.name)"],
              [.text(cell.summaryFormat.render(summary))]))
        case .standardError(let text):
          output.append(
            .tag(
              "pre", ["class": "output-stderr", "aria-label": "Standard error"], [.text(text)]))
        }
      }
      children += [.tag("div", ["class": "cell-output"], output), .newline]
    }
    if let error = cell.error { children += errorBox(error, what: "cell") }
    return [
      .tag(
        "section",
        ["class": "cell", "id": "cell-\(number)", "aria-label": "Cell \(number)"], children),
      .newline,
    ]
  }

  static func errorBox(_ error: PageError, what: String) -> [HTMLNode] {
    var place = "This \(what) failed at line \(error.line)"
    if error.column > 0 { place += ", column \(error.column)" }
    var children: [HTMLNode] = [
      .tag("p", ["class": "error-where"], [.text(place + ":")]),
      .tag("p", ["class": "error-message"], [.text(error.headline)]),
    ]
    if let excerpt = error.excerpt {
      children.append(.tag("pre", ["class": "error-excerpt"], [.text(excerpt)]))
    }
    return [.tag("div", ["class": "error-box", "role": "alert"], children), .newline]
  }
}
