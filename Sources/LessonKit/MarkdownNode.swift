/// A node of a CommonMark document, copied out of libcmark into plain Swift values.
///
/// The tree mirrors cmark's: block nodes (`document`, `paragraph`, …) contain blocks or inlines,
/// inline containers (`emphasis`, `link`, …) contain inlines, and leaves carry their text in
/// `kind`. Additions: a code span written `{keras} EXPR` becomes an `inlineExpression` leaf, and
/// lessons read with ``MarkdownExtensions`` also get `table`, `math` and `callout` nodes.
public struct MarkdownNode: Sendable, Hashable {
  /// What the node is, with the data that belongs to that kind.
  public var kind: Kind
  /// Child nodes in document order; empty for leaves.
  public var children: [MarkdownNode]
  /// Where the node is in the lesson file. For `inlineExpression` it covers the expression
  /// itself (after `{keras} `), which is what error messages should point at.
  public var position: SourcePosition

  /// Creates a node.
  public init(_ kind: Kind, children: [MarkdownNode] = [], position: SourcePosition = .unknown) {
    self.kind = kind
    self.children = children
    self.position = position
  }

  /// The kinds of node, one per CommonMark node type plus `inlineExpression`.
  public enum Kind: Sendable, Hashable {
    /// The root of a document, or of a run of top-level blocks in a ``LessonBlock/prose(_:)``.
    case document
    /// A `>` block quote.
    case blockQuote
    /// A list; its children are `item`s.
    case list(type: ListType, start: Int, isTight: Bool, delimiter: ListDelimiter)
    /// A list item.
    case item
    /// An indented or fenced code block. `info` is the whole info string (empty for indented
    /// blocks); `literal` ends with a newline unless the block is empty.
    case codeBlock(info: String, literal: String)
    /// A raw HTML block, emitted verbatim.
    case htmlBlock(literal: String)
    /// A paragraph.
    case paragraph
    /// An ATX or setext heading, `level` 1...6.
    case heading(level: Int)
    /// A thematic break (`***`).
    case thematicBreak
    /// Literal text, with entities and backslash escapes already resolved.
    case text(String)
    /// A line ending inside a paragraph.
    case softBreak
    /// A hard line break (two trailing spaces or a backslash).
    case lineBreak
    /// An inline code span.
    case code(literal: String)
    /// Raw inline HTML, emitted verbatim.
    case htmlInline(literal: String)
    /// `*emphasis*`.
    case emphasis
    /// `**strong emphasis**`.
    case strong
    /// A link; its children are the link text.
    case link(url: String, title: String)
    /// An image; its children are the alt text.
    case image(url: String, title: String)
    /// A code span of the form `` `{keras} EXPR` ``: `expression` is `EXPR` without surrounding
    /// whitespace (possibly empty, which the evaluator should report), `literal` the whole code
    /// span content so the node can still be shown as the code span it was written as.
    case inlineExpression(expression: String, literal: String)
    /// A GitHub-style pipe table (``MarkdownExtensions/tables``); its children are `tableRow`s,
    /// the first one the header. `alignments` has one entry per column.
    case table(alignments: [TableAlignment])
    /// A row of a table; its children are exactly one `tableCell` per column.
    case tableRow(isHeader: Bool)
    /// A table cell; its children are inlines.
    case tableCell
    /// TeX math written `$...$` (inline) or `$$...$$` (display) (``MarkdownExtensions/math``).
    /// `tex` is the text between the dollars exactly as written; the node's position is that of
    /// the first character of `tex`.
    case math(tex: String, isDisplay: Bool)
    /// A block quote that starts with `[!NOTE]`, `[!TIP]`, … (``MarkdownExtensions/callouts``);
    /// its children are the quote's blocks without the marker.
    case callout(CalloutKind)
  }

  /// Whether a list is numbered.
  public enum ListType: Sendable, Hashable {
    /// A `-`, `+` or `*` list.
    case bullet
    /// A `1.` or `1)` list.
    case ordered
  }

  /// What follows the number of an ordered list item; `none` for bullet lists.
  public enum ListDelimiter: Sendable, Hashable {
    /// Bullet lists.
    case none
    /// `1.`
    case period
    /// `1)`
    case parenthesis
  }

  /// The text a reader sees, without markup: text, code and expression literals, image alt text;
  /// line breaks become spaces and raw HTML is dropped. Used for titles and heading slugs.
  public var plainText: String {
    var result = ""
    appendPlainText(to: &result)
    return result
  }

  private func appendPlainText(to result: inout String) {
    switch kind {
    case .text(let text): result += text
    case .code(let literal): result += literal
    case .inlineExpression(_, let literal): result += literal
    case .math(let tex, _): result += tex
    case .softBreak, .lineBreak: result += " "
    case .codeBlock(_, let literal): result += literal
    default: break
    }
    for child in children {
      child.appendPlainText(to: &result)
    }
  }
}
