/// Turns the positions cmark reports into lesson positions, and recognises inline expressions.
///
/// Block positions only need byte columns turned into character columns; inline positions are
/// first repaired by ``InlinePositionMap``.
struct PositionResolver {
  let source: SourceText

  /// Resolves every position in the raw `document` from ``CommonMarkReader``.
  func resolve(_ document: MarkdownNode) -> MarkdownNode {
    resolveBlock(document, blockQuoteDepth: 0)
  }

  private func resolveBlock(_ node: MarkdownNode, blockQuoteDepth: Int) -> MarkdownNode {
    var result = node
    result.position = source.characterPosition(node.position)
    switch node.kind {
    case .paragraph, .heading:
      let map = InlinePositionMap(block: node, blockQuoteDepth: blockQuoteDepth, source: source)
      result.children = node.children.map { resolveInline($0, in: map) }
    case .blockQuote:
      result.children = node.children.map { resolveBlock($0, blockQuoteDepth: blockQuoteDepth + 1) }
    case .code(let literal):
      // Only in trees nested deeper than the reader keeps, where inlines are spliced into a
      // block; cmark's raw position is the best there is.
      if let expression = Self.expression(inCodeLiteral: literal) {
        result.kind = .inlineExpression(expression: expression, literal: literal)
      }
    default:
      result.children = node.children.map { resolveBlock($0, blockQuoteDepth: blockQuoteDepth) }
    }
    return result
  }

  private func resolveInline(_ node: MarkdownNode, in map: InlinePositionMap) -> MarkdownNode {
    var result = node
    let position = map.bytePosition(of: node)
    result.position = source.characterPosition(position)
    if case .code(let literal) = node.kind, let expression = Self.expression(inCodeLiteral: literal)
    {
      result.kind = .inlineExpression(expression: expression, literal: literal)
      result.position = source.characterPosition(
        expressionPosition(inCodeSpanAt: position, blockQuoteDepth: map.blockQuoteDepth))
    }
    result.children = node.children.map { resolveInline($0, in: map) }
    return result
  }

  private static let marker = Array("{keras}".utf8)

  /// The `EXPR` of a `{keras} EXPR` code span, or `nil` for other code spans.
  static func expression(inCodeLiteral literal: String) -> String? {
    let bytes = Array(literal.utf8)
    guard bytes.starts(with: marker), bytes.count > marker.count, isBlank(bytes[marker.count])
    else { return nil }
    let rest = bytes[marker.count...]
    guard let first = rest.firstIndex(where: { !isBlank($0) }),
      let last = rest.lastIndex(where: { !isBlank($0) })
    else { return "" }
    return String(decoding: rest[first...last], as: UTF8.self)
  }

  /// Where `EXPR` is, given the code span's content position (bytes).
  ///
  /// Rather than trust arithmetic on cmark's columns, this finds `{keras}` in the file from the
  /// reported column on: cmark's start points at the content after the backticks, before a
  /// padding space is stripped. If it is not there the code span position is kept.
  private func expressionPosition(
    inCodeSpanAt codeSpan: SourcePosition, blockQuoteDepth: Int
  ) -> SourcePosition {
    let lineBytes = source.bytes(ofLine: codeSpan.startLine)
    let from = lineBytes.startIndex + max(0, codeSpan.startColumn - 1)
    guard from <= lineBytes.endIndex,
      let markerStart = Self.firstIndex(of: Self.marker, in: lineBytes[from...])
    else { return codeSpan }

    var line = codeSpan.startLine
    var bytes = lineBytes
    var index = markerStart + Self.marker.count
    while index < bytes.endIndex, Self.isBlank(bytes[index]) { index += 1 }
    if index == bytes.endIndex, line < codeSpan.endLine {
      // `{keras}` ends the line; the expression starts on the next one, after its markers.
      line += 1
      bytes = source.bytes(ofLine: line)
      index = bytes.startIndex + source.contentOffset(line: line, blockQuoteDepth: blockQuoteDepth)
      while index < bytes.endIndex, Self.isBlank(bytes[index]) { index += 1 }
    }
    let startColumn = index - bytes.startIndex + 1

    // The span's end is its last content byte, which may be a padding space.
    var endColumn = codeSpan.endColumn
    let endBytes = source.bytes(ofLine: codeSpan.endLine)
    while endColumn > 1, endColumn <= endBytes.count,
      Self.isBlank(endBytes[endBytes.startIndex + endColumn - 1])
    {
      endColumn -= 1
    }
    if (codeSpan.endLine, endColumn) < (line, startColumn) {
      // An empty expression: point at where it should have been.
      return SourcePosition(
        startLine: line, startColumn: startColumn, endLine: line, endColumn: startColumn)
    }
    return SourcePosition(
      startLine: line, startColumn: startColumn, endLine: codeSpan.endLine, endColumn: endColumn)
  }

  private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    var index = haystack.startIndex
    while index <= haystack.endIndex - needle.count {
      if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }

  private static func isBlank(_ byte: UInt8) -> Bool { InlinePositionMap.isBlank(byte) }
}
