import CCmark

/// The only code that talks to libcmark.
///
/// It parses, walks the C tree once with a `cmark_iter`, copies every node into a
/// ``MarkdownNode`` and frees the document before returning, so no cmark pointer escapes.
/// Positions are left exactly as cmark reports them (UTF-8 byte columns, with cmark's quirks for
/// inlines); ``PositionResolver`` turns them into lesson positions.
enum CommonMarkReader {
  /// Nodes nested deeper than this are spliced into their ancestor at this depth.
  ///
  /// cmark happily parses a thousand nested `>`; every Swift pass over the tree (conversion,
  /// rendering, even `==` and deinit) is recursive, and a deep enough tree would overflow a
  /// thread stack. No lesson nests anywhere near this deep, and splicing loses no text.
  static let maximumDepth = 100

  /// Parses CommonMark `source` into a node tree with cmark's raw source positions.
  static func parse(_ source: String) -> MarkdownNode {
    var source = source
    // Raw HTML is kept as nodes whatever the options; UNSAFE only documents that we render it.
    let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE
    let document = source.withUTF8 { bytes -> OpaquePointer? in
      guard let base = bytes.baseAddress else { return nil }
      return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
        cmark_parse_document($0, bytes.count, options)
      }
    }
    guard let document else { return MarkdownNode(.document) }
    defer { cmark_node_free(document) }
    return convert(document)
  }

  /// A container whose children are still being collected.
  private struct OpenNode {
    var kind: MarkdownNode.Kind
    var position: SourcePosition
    var children: [MarkdownNode] = []
  }

  private static func convert(_ root: OpaquePointer) -> MarkdownNode {
    guard let iterator = cmark_iter_new(root) else { return MarkdownNode(.document) }
    defer { cmark_iter_free(iterator) }

    var open: [OpenNode] = []
    // One entry per entered container: whether it got an `OpenNode` or was spliced away.
    var entered: [Bool] = []
    var result: MarkdownNode?

    func add(_ node: MarkdownNode) {
      if open.isEmpty {
        result = node
      } else {
        open[open.count - 1].children.append(node)
      }
    }

    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      if event == CMARK_EVENT_ENTER {
        let position = rawPosition(of: node)
        if let leaf = leafKind(of: node) {
          add(MarkdownNode(leaf, position: position))
        } else if let kind = containerKind(of: node), open.count < maximumDepth {
          open.append(OpenNode(kind: kind, position: position))
          entered.append(true)
        } else {
          entered.append(false)
        }
      } else if event == CMARK_EVENT_EXIT {
        guard let wasOpened = entered.popLast() else { continue }
        if wasOpened, let finished = open.popLast() {
          add(MarkdownNode(finished.kind, children: finished.children, position: finished.position))
        }
      }
    }
    return result ?? MarkdownNode(.document)
  }

  /// The kinds cmark's iterator treats as leaves: they get an ENTER event and no EXIT.
  private static func leafKind(of node: OpaquePointer) -> MarkdownNode.Kind? {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_CODE_BLOCK:
      return .codeBlock(
        info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node))
      )
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal: string(cmark_node_get_literal(node)))
    case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
    case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code(literal: string(cmark_node_get_literal(node)))
    case CMARK_NODE_HTML_INLINE: return .htmlInline(literal: string(cmark_node_get_literal(node)))
    default: return nil
    }
  }

  /// The kinds with ENTER and EXIT events; `nil` for custom nodes, which the parser never
  /// creates and which would be spliced away.
  private static func containerKind(of node: OpaquePointer) -> MarkdownNode.Kind? {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_DOCUMENT: return .document
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST:
      let isOrdered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
      let delimiter: MarkdownNode.ListDelimiter =
        switch cmark_node_get_list_delim(node) {
        case CMARK_PERIOD_DELIM: .period
        case CMARK_PAREN_DELIM: .parenthesis
        default: .none
        }
      return .list(
        type: isOrdered ? .ordered : .bullet,
        start: isOrdered ? Int(cmark_node_get_list_start(node)) : 0,
        isTight: cmark_node_get_list_tight(node) != 0,
        delimiter: isOrdered ? delimiter : .none)
    case CMARK_NODE_ITEM: return .item
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_LINK:
      return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    case CMARK_NODE_IMAGE:
      return .image(
        url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    default: return nil
    }
  }

  private static func rawPosition(of node: OpaquePointer) -> SourcePosition {
    SourcePosition(
      startLine: Int(cmark_node_get_start_line(node)),
      startColumn: Int(cmark_node_get_start_column(node)),
      endLine: Int(cmark_node_get_end_line(node)),
      endColumn: Int(cmark_node_get_end_column(node)))
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }
}
