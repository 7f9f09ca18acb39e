/// Maps the positions cmark 0.30 reports for the inlines of one paragraph or heading to file
/// lines and byte columns.
///
/// cmark positions inlines within the block's *content* (its lines with container prefixes
/// removed), then adds the block's start column. That is right on the block's first line only:
/// - A later line's content starts after its own prefix, which differs from the first line's.
///   A normal continuation line is stored from its first non-blank byte; a lazy one from where
///   the containers that matched stopped, keeping the indentation the inline parser then skips.
///   So each line is calibrated with its first inline, which starts the line's content (a code
///   span's position starts after its backticks). Lines where a multi-line code span or raw
///   HTML ends cannot be calibrated that way and are assumed not to be lazy.
/// - The end column of a code span or inline HTML spanning lines is counted from the start of
///   the stored line, without the block's start column.
/// - An autolink's own columns (not its text's) ignore both line and block offsets.
/// - Backticks that open no code span become text positioned just after them, one column wide.
/// - Lines of link reference definitions removed from the block's start are not counted.
///   The block's last content line is known, so lines are aligned to it; this is wrong only for
///   inlines before a link whose destination or title spans lines, which cmark does not count
///   either.
struct InlinePositionMap {
  let blockQuoteDepth: Int
  private let source: SourceText
  /// The block's first line as cmark reports it.
  private let blockLine: Int
  /// What cmark adds to inline columns: the block's start column minus one.
  private let blockOffset: Int
  /// Added to cmark's inline lines to get file lines.
  private let lineShift: Int
  /// Added to cmark's columns on a (cmark) line to get byte columns in the file.
  private var columnShifts: [Int: Int] = [:]

  init(block: MarkdownNode, blockQuoteDepth: Int, source: SourceText) {
    self.source = source
    self.blockQuoteDepth = blockQuoteDepth
    blockLine = block.position.startLine
    blockOffset = max(0, block.position.startColumn - 1)
    lineShift = Self.lineShift(of: block, blockQuoteDepth: blockQuoteDepth, source: source)
    var linesEndingLiterals: Set<Int> = []
    for child in block.children {
      calibrate(with: child, linesEndingLiterals: &linesEndingLiterals)
    }
  }

  /// Visits inlines in source order, calibrating each line with the first inline starting on it.
  private mutating func calibrate(with node: MarkdownNode, linesEndingLiterals: inout Set<Int>) {
    let position = Self.cmarkPosition(of: node)
    let start = (line: position.startLine, column: position.startColumn)
    if start.line > 0, start.column > 0, !isTrusted(line: start.line),
      !linesEndingLiterals.contains(start.line), columnShifts[start.line] == nil
    {
      let fileLine = start.line + lineShift
      let contentStart = offset(of: node, firstOnLine: fileLine)
      // A code span is positioned after its opening backticks, and so is text starting with
      // backticks that open nothing; either way they start the line here.
      var backticks = 0
      switch node.kind {
      case .code:
        backticks =
          source.bytes(ofLine: fileLine).dropFirst(contentStart)
          .prefix(while: { $0 == UInt8(ascii: "`") }).count
      case .text(let text):
        backticks = Self.unmatchedBackticks(
          startingText: text, at: contentStart, in: source.bytes(ofLine: fileLine))
      default:
        break
      }
      columnShifts[start.line] = contentStart + 1 + backticks - start.column
    }
    if Self.isMultilineLiteral(node) {
      linesEndingLiterals.formUnion((node.position.startLine + 1)...node.position.endLine)
    }
    for child in node.children {
      calibrate(with: child, linesEndingLiterals: &linesEndingLiterals)
    }
  }

  /// Where `node`, the first inline on `line`, starts in the line.
  ///
  /// Normally after the indentation and one `>` per enclosing block quote; but a lazy line may
  /// begin with a `>` that is text, so fewer markers are tried until the node's first byte is
  /// found. When it never is (an entity or escape), the full count is used. Text can also begin
  /// with blanks, when reference definitions were removed before a lazy line.
  private func offset(of node: MarkdownNode, firstOnLine line: Int) -> Int {
    let full = source.contentOffset(line: line, blockQuoteDepth: blockQuoteDepth)
    var leadingBlanks = 0
    var expected: [UInt8]
    switch node.kind {
    case .text(let text):
      let bytes = Array(text.utf8)
      leadingBlanks = bytes.prefix(while: Self.isBlank).count
      guard leadingBlanks < bytes.count else { return max(0, full - leadingBlanks) }
      expected = [bytes[leadingBlanks]]
    case .code: expected = [UInt8(ascii: "`")]
    case .htmlInline: expected = [UInt8(ascii: "<")]
    case .emphasis, .strong: expected = [UInt8(ascii: "*"), UInt8(ascii: "_")]
    case .link: expected = [UInt8(ascii: "["), UInt8(ascii: "<")]
    case .image: expected = [UInt8(ascii: "!")]
    default: return full
    }
    let bytes = source.bytes(ofLine: line)
    for markers in stride(from: blockQuoteDepth, through: 0, by: -1) {
      let offset = source.contentOffset(line: line, blockQuoteDepth: markers)
      if offset < bytes.count, expected.contains(bytes[bytes.startIndex + offset]) {
        return max(0, offset - leadingBlanks)
      }
    }
    return max(0, full - leadingBlanks)
  }

  /// The node's position in file lines and byte columns.
  func bytePosition(of node: MarkdownNode) -> SourcePosition {
    let raw = Self.cmarkPosition(of: node)
    guard raw.isKnown else { return raw }
    var start = locate(raw.startLine, raw.startColumn, hasBlockOffset: true)
    var end = locate(raw.endLine, raw.endColumn, hasBlockOffset: !Self.isMultilineLiteral(node))
    if case .text(let text) = node.kind {
      // Backticks that open no code span are positioned as one column just after them; an
      // escaped backtick is positioned properly. Only the source tells them apart.
      let startBytes = source.bytes(ofLine: start.line)
      let startOffset = start.column - 1
      let leading = text.utf8.prefix(while: { $0 == UInt8(ascii: "`") }).count
      if leading > 0, startOffset >= leading,
        Self.unmatchedBackticks(
          startingText: text, at: startOffset - leading, in: startBytes) == leading,
        startOffset >= startBytes.count
          || startBytes[startBytes.startIndex + startOffset] != UInt8(ascii: "`")
      {
        start.column -= leading
      }
      let endBytes = source.bytes(ofLine: end.line)
      let last = endBytes.startIndex + end.column - 1
      if text.utf8.last == UInt8(ascii: "`"), end.column > 1, last - 1 < endBytes.endIndex,
        endBytes[last - 1] == UInt8(ascii: "`"),
        last >= endBytes.endIndex || endBytes[last] != UInt8(ascii: "`")
      {
        end.column -= 1
      }
    }
    return SourcePosition(
      startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column)
  }

  /// The file line of cmark's inline `line`.
  func fileLine(_ line: Int) -> Int { line + lineShift }

  private func isTrusted(line: Int) -> Bool { lineShift == 0 && line == blockLine }

  private func locate(_ line: Int, _ column: Int, hasBlockOffset: Bool) -> (line: Int, column: Int)
  {
    guard !isTrusted(line: line), column > 0 else { return (fileLine(line), column) }
    let shift =
      columnShifts[line]
      ?? source.contentOffset(line: fileLine(line), blockQuoteDepth: blockQuoteDepth) - blockOffset
    return (fileLine(line), column + shift + (hasBlockOffset ? 0 : blockOffset))
  }

  /// The node's position as cmark should have reported it, in cmark's own coordinates: with the
  /// autolink quirk undone.
  private static func cmarkPosition(of node: MarkdownNode) -> SourcePosition {
    var position = node.position
    switch node.kind {
    case .link:
      // A link's text starts one byte after its `[` or `<`; for an autolink the text is
      // positioned properly and is followed by `>`.
      guard let first = node.children.first?.position, let last = node.children.last?.position,
        first.isKnown, last.isKnown,
        (first.startLine, first.startColumn - 1) != (position.startLine, position.startColumn)
      else { break }
      position = SourcePosition(
        startLine: first.startLine, startColumn: first.startColumn - 1,
        endLine: last.endLine, endColumn: last.endColumn + 1)
    default:
      break
    }
    return position
  }

  /// How many backticks `text` starts with, if the source has that run of backticks at
  /// `offset`; 0 when it does not (the text's backticks were escaped, or there are none).
  private static func unmatchedBackticks(
    startingText text: String, at offset: Int, in bytes: ArraySlice<UInt8>
  ) -> Int {
    let run = text.utf8.prefix(while: { $0 == UInt8(ascii: "`") }).count
    guard run > 0, offset >= 0, offset + run <= bytes.count else { return 0 }
    let start = bytes.startIndex + offset
    return bytes[start..<start + run].allSatisfy({ $0 == UInt8(ascii: "`") }) ? run : 0
  }

  private static func isMultilineLiteral(_ node: MarkdownNode) -> Bool {
    switch node.kind {
    case .code, .htmlInline: node.position.endLine > node.position.startLine
    default: false
    }
  }

  // MARK: Reference definition lines

  /// How many lines cmark's inline lines of `block` are short by.
  ///
  /// A block's last content line always holds inline content, so the gap between it and the last
  /// inline line cmark reports is the lines it did not count. A paragraph ends on that line, a
  /// setext heading just before its underline; an ATX heading has one line.
  private static func lineShift(
    of block: MarkdownNode, blockQuoteDepth: Int, source: SourceText
  ) -> Int {
    let lastInlineLine = block.children.map(lastLine).max() ?? 0
    guard lastInlineLine > 0 else { return 0 }
    let lastContentLine: Int
    switch block.kind {
    case .paragraph:
      lastContentLine = block.position.endLine
    case .heading:
      guard !isATXHeading(block, source: source) else { return 0 }
      // cmark ends a setext heading on the line after its underline, or on the underline at the
      // end of the input. No content line but the first can look like an underline.
      let end = block.position.endLine
      let underline =
        [end - 1, end].first {
          $0 > block.position.startLine
            && isSetextUnderline(line: $0, blockQuoteDepth: blockQuoteDepth, source: source)
        } ?? end - 1
      lastContentLine = underline - 1
    default:
      return 0
    }
    return max(0, lastContentLine - lastInlineLine)
  }

  private static func lastLine(of node: MarkdownNode) -> Int {
    max(node.position.endLine, node.children.map(lastLine).max() ?? 0)
  }

  /// An ATX heading starts with 1–6 `#` then a space, tab or the line end; setext heading text
  /// cannot (that line would have been an ATX heading).
  private static func isATXHeading(_ heading: MarkdownNode, source: SourceText) -> Bool {
    let bytes = source.bytes(ofLine: heading.position.startLine)
    var index = bytes.startIndex + max(0, heading.position.startColumn - 1)
    var hashes = 0
    while index < bytes.endIndex, bytes[index] == UInt8(ascii: "#") {
      hashes += 1
      index += 1
    }
    return (1...6).contains(hashes) && (index == bytes.endIndex || isBlank(bytes[index]))
  }

  /// Whether `line` is only `=`s or only `-`s after its container markers.
  private static func isSetextUnderline(
    line: Int, blockQuoteDepth: Int, source: SourceText
  ) -> Bool {
    let rest = source.bytes(ofLine: line)
      .dropFirst(source.contentOffset(line: line, blockQuoteDepth: blockQuoteDepth))
    guard let first = rest.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "-") else {
      return false
    }
    return rest.drop(while: { $0 == first }).allSatisfy(isBlank)
  }

  static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }
}
