import LessonKit

/// Renders ``MarkdownNode`` trees to HTML exactly as cmark's `cmark_render_html` does with
/// `CMARK_OPT_UNSAFE` (raw HTML passes through, every URL is kept), unless heading ids are
/// turned on.
///
/// The nodes of ``MarkdownExtensions`` render as GitHub renders them: tables as `<table>` (in a
/// scrolling box), math as MathML (``MathMLConverter``), callouts as a titled `<div>`.
///
/// A renderer remembers the heading ids it has handed out, so render all prose of one page with
/// the same renderer to keep ids unique on the page.
public struct MarkdownHTMLRenderer: Sendable {
  /// Whether headings get an `id` attribute (a slug of their text, unique per renderer), which
  /// cmark does not write.
  public var headingIDs: Bool
  /// Whether relative links to `.md` lessons point at their pages (``LessonLinks``).
  public var rewritesLessonLinks: Bool
  private var ids = HeadingIDs()
  /// The headings rendered so far with their ids (when `headingIDs` is on), for a page's table
  /// of contents.
  public private(set) var headings: [RenderedHeading] = []

  /// Creates a renderer.
  /// - Parameters:
  ///   - headingIDs: Whether to give headings `id` attributes; off matches cmark.
  ///   - rewritesLessonLinks: Whether links to `NAME.md` become links to `NAME.html`.
  public init(headingIDs: Bool = false, rewritesLessonLinks: Bool = false) {
    self.headingIDs = headingIDs
    self.rewritesLessonLinks = rewritesLessonLinks
  }

  /// Renders `node` (typically a `.document`, e.g. from ``LessonBlock/prose(_:)``) to HTML.
  ///
  /// - Parameter inlineExpression: Renders a `{keras} EXPR` code span, given `EXPR` and where it
  ///   is in the lesson; the result is inserted verbatim, so it must be HTML. When `nil` the code
  ///   span is shown as written, like any other. Inside image alt text, which cannot hold HTML,
  ///   the span is always written as plain text.
  public mutating func render(
    _ node: MarkdownNode,
    inlineExpression: ((_ expression: String, _ position: SourcePosition) -> String)? = nil
  ) -> String {
    render([node], inlineExpression: inlineExpression)
  }

  /// Renders `nodes` one after the other, as if they were the children of one document.
  public mutating func render(
    _ nodes: [MarkdownNode],
    inlineExpression: ((_ expression: String, _ position: SourcePosition) -> String)? = nil
  ) -> String {
    var writer = Writer(
      headingIDs: headingIDs ? ids : nil, inlineExpression: inlineExpression)
    writer.rewritesLessonLinks = rewritesLessonLinks
    for node in nodes {
      writer.block(node, inTightItem: false)
    }
    if let used = writer.headingIDs { ids = used }
    headings += writer.headings
    return writer.html
  }
}

extension MarkdownHTMLRenderer {
  /// Renders `nodes` (see `render`) as a node of a page: the one place where Markdown's HTML,
  /// escaped as cmark escapes it (MathML included), enters a page as trusted markup.
  public mutating func renderNode(
    _ nodes: [MarkdownNode],
    inlineExpression: ((_ expression: String, _ position: SourcePosition) -> String)? = nil
  ) -> HTMLNode {
    .trusted(TrustedMarkup(renderedMarkdown: render(nodes, inlineExpression: inlineExpression)))
  }
}

/// One rendering pass: the HTML so far and the state it needs.
private struct Writer {
  var html = ""
  var headingIDs: HeadingIDs?
  var rewritesLessonLinks = false
  var headings: [RenderedHeading] = []
  let inlineExpression: ((String, SourcePosition) -> String)?

  init(headingIDs: HeadingIDs?, inlineExpression: ((String, SourcePosition) -> String)?) {
    self.headingIDs = headingIDs
    self.inlineExpression = inlineExpression
  }

  /// cmark's `cr()`: start a new line unless at the start of one (or of the output).
  mutating func newline() {
    if let last = html.utf8.last, last != UInt8(ascii: "\n") {
      html += "\n"
    }
  }

  /// Renders a block. `inTightItem` says the block is directly inside an item of a tight list,
  /// where paragraphs lose their `<p>`.
  mutating func block(_ node: MarkdownNode, inTightItem: Bool) {
    switch node.kind {
    case .document:
      blocks(node.children, inTightItem: false)
    case .blockQuote:
      newline()
      html += "<blockquote>\n"
      blocks(node.children, inTightItem: false)
      newline()
      html += "</blockquote>\n"
    case .list(let type, let start, let isTight, _):
      newline()
      html += type == .bullet ? "<ul>\n" : start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
      for item in node.children {
        if case .item = item.kind {
          newline()
          html += "<li>"
          blocks(item.children, inTightItem: isTight)
          html += "</li>\n"
        } else {
          block(item, inTightItem: false)
        }
      }
      newline()
      html += type == .bullet ? "</ul>\n" : "</ol>\n"
    case .item:
      // Only reached for an item outside a list; render it as cmark would inside a loose one.
      newline()
      html += "<li>"
      blocks(node.children, inTightItem: false)
      html += "</li>\n"
    case .paragraph:
      if inTightItem {
        inlines(node.children)
      } else {
        newline()
        html += "<p>"
        inlines(node.children)
        html += "</p>\n"
      }
    case .heading(let level):
      newline()
      html += "<h\(level)"
      if headingIDs != nil, let id = headingIDs?.id(for: node.plainText) {
        html += " id=\"\(HTMLEscaping.escapeAttribute(id))\""
        headings.append(RenderedHeading(level: level, id: id, text: node.plainText))
      }
      html += ">"
      inlines(node.children)
      html += "</h\(level)>\n"
    case .codeBlock(let info, let literal):
      newline()
      let language = info.prefix(while: { !Self.isCmarkSpace($0) })
      if language.isEmpty {
        html += "<pre><code>"
      } else {
        html += "<pre><code class=\"language-\(HTMLEscaping.escape(String(language)))\">"
      }
      html += HTMLEscaping.escape(literal)
      html += "</code></pre>\n"
    case .htmlBlock(let literal):
      newline()
      html += literal
      newline()
    case .thematicBreak:
      newline()
      html += "<hr />\n"
    case .callout(let kind):
      newline()
      html += "<div class=\"callout callout-\(kind.rawValue)\" role=\"note\">\n"
      html += "<p class=\"callout-title\">\(kind.title)</p>\n"
      blocks(node.children, inTightItem: false)
      newline()
      html += "</div>\n"
    case .table(let alignments):
      table(node, alignments: alignments)
    case .tableRow, .tableCell:
      // Only inside a table, which renders its rows itself; alone, show the text.
      inlines(node.children)
    default:
      // Inlines only sit among blocks in trees nested too deep for the reader, which splices
      // them into an ancestor; write them as they are.
      inline(node)
    }
  }

  /// A pipe table, in a box that scrolls sideways when the table is wider than the page.
  mutating func table(_ node: MarkdownNode, alignments: [TableAlignment]) {
    newline()
    html += "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\">\n<table>\n"
    var inBody = false
    for row in node.children {
      let isHeader: Bool
      if case .tableRow(let header) = row.kind { isHeader = header } else { isHeader = false }
      if isHeader {
        html += "<thead>\n"
      } else if !inBody {
        html += "<tbody>\n"
        inBody = true
      }
      html += "<tr>\n"
      for (column, cell) in row.children.enumerated() {
        let tag = isHeader ? "th" : "td"
        html += "<\(tag)"
        switch column < alignments.count ? alignments[column] : .none {
        case .none: break
        case .left: html += " style=\"text-align: left\""
        case .center: html += " style=\"text-align: center\""
        case .right: html += " style=\"text-align: right\""
        }
        html += ">"
        inlines(cell.children)
        html += "</\(tag)>\n"
      }
      html += "</tr>\n"
      if isHeader { html += "</thead>\n" }
    }
    if inBody { html += "</tbody>\n" }
    html += "</table>\n</div>\n"
  }

  mutating func blocks(_ nodes: [MarkdownNode], inTightItem: Bool) {
    for node in nodes {
      block(node, inTightItem: inTightItem)
    }
  }

  mutating func inlines(_ nodes: [MarkdownNode]) {
    for node in nodes {
      inline(node)
    }
  }

  mutating func inline(_ node: MarkdownNode) {
    switch node.kind {
    case .text(let text):
      html += HTMLEscaping.escape(text)
    case .softBreak:
      html += "\n"
    case .lineBreak:
      html += "<br />\n"
    case .code(let literal):
      html += "<code>\(HTMLEscaping.escape(literal))</code>"
    case .inlineExpression(let expression, let literal):
      if let inlineExpression {
        html += inlineExpression(expression, node.position)
      } else {
        html += "<code>\(HTMLEscaping.escape(literal))</code>"
      }
    case .htmlInline(let literal):
      html += literal
    case .math(let tex, let isDisplay):
      do throws(MathError) {
        html += try MathMLConverter.mathML(tex, isDisplay: isDisplay)
      } catch {
        html +=
          "<span class=\"math-error\" title=\"\(HTMLEscaping.escapeAttribute(error.message))\"><code>\(HTMLEscaping.escape(tex))</code> ⚠</span>"
      }
    case .emphasis:
      html += "<em>"
      inlines(node.children)
      html += "</em>"
    case .strong:
      html += "<strong>"
      inlines(node.children)
      html += "</strong>"
    case .link(let url, let title):
      let target = rewritesLessonLinks ? LessonLinks.pageHref(forLink: url) : url
      html += "<a href=\"\(HTMLEscaping.escapeURL(target))\""
      if !title.isEmpty {
        html += " title=\"\(HTMLEscaping.escape(title))\""
      }
      html += ">"
      inlines(node.children)
      html += "</a>"
    case .image(let url, let title):
      html += "<img src=\"\(HTMLEscaping.escapeURL(url))\" alt=\""
      for child in node.children {
        altText(child)
      }
      html += "\""
      if !title.isEmpty {
        html += " title=\"\(HTMLEscaping.escape(title))\""
      }
      html += " />"
    default:
      // Blocks never sit among inlines in a parsed tree; render one anyway rather than lose it.
      block(node, inTightItem: false)
    }
  }

  /// cmark's plain-text mode for alt text: literals escaped, breaks as spaces, markup dropped.
  mutating func altText(_ node: MarkdownNode) {
    switch node.kind {
    case .text(let literal), .code(let literal), .htmlInline(let literal),
      .inlineExpression(_, let literal), .math(let literal, _):
      html += HTMLEscaping.escape(literal)
    case .softBreak, .lineBreak:
      html += " "
    default:
      for child in node.children {
        altText(child)
      }
    }
  }

  /// cmark's `cmark_isspace`, which ends the language word of an info string.
  private static func isCmarkSpace(_ character: Character) -> Bool {
    character == " " || character == "\t" || character == "\n" || character == "\u{0B}"
      || character == "\u{0C}" || character == "\r"
  }
}
