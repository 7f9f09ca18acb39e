/// Finds `$...$` and `$$...$$` math in a lesson's source before cmark reads it, and hides it.
///
/// TeX must reach the math renderer exactly as written, but cmark would read `\\` as an escaped
/// backslash, `\{` as `{` and `a_1 b_1` as emphasis. So the text between the dollars is replaced
/// by `M`s, byte for byte (line endings kept), before cmark parses the file: lines and byte
/// columns do not move, cmark sees plain letters, and ``restore(in:)`` later turns each masked
/// span back into a `math` node holding the original TeX.
///
/// Only paragraphs and headings are scanned (found by a first parse), never code blocks, HTML
/// blocks or code spans, so only text that cmark shows as text can hold math.
struct MathMasking {
  /// One math span, in document order.
  struct Span {
    var tex: String
    var isDisplay: Bool
    /// 1-based line and byte column of the first byte of `tex`.
    var line: Int
    var byteColumn: Int
    /// What cmark sees instead: the delimiters around `M`s and line endings.
    var masked: String
  }

  /// The source with every math span masked.
  private(set) var maskedSource: String
  /// The spans, in document order.
  private(set) var spans: [Span] = []

  /// Scans `source` (whose raw cmark tree, with byte positions, is `rawDocument`).
  init(source: String, text: SourceText, rawDocument: MarkdownNode) {
    maskedSource = source
    var bytes = Array(source.utf8)
    var changed = false
    Self.forEachInlineBlock(rawDocument, blockQuoteDepth: 0) { block, depth in
      let segments = Self.segments(of: block, blockQuoteDepth: depth, text: text)
      if segments.isEmpty { return }
      // A flat view of the block's content: segment bytes with "\n" between, and where each
      // flat byte sits in the file (-1 for the separators).
      var flat: [UInt8] = []
      var origin: [Int] = []
      // The line and 1-based byte column of each flat byte; a separator is the end of its line.
      var lineOf: [Int] = []
      var columnOf: [Int] = []
      for (index, segment) in segments.enumerated() {
        let lineStart = text.bytes(ofLine: segment.line).startIndex
        if index > 0 {
          let previous = segments[index - 1]
          flat.append(UInt8(ascii: "\n"))
          origin.append(-1)
          lineOf.append(previous.line)
          columnOf.append(
            previous.range.upperBound - text.bytes(ofLine: previous.line).startIndex + 1)
        }
        for offset in segment.range {
          flat.append(bytes[offset])
          origin.append(offset)
          lineOf.append(segment.line)
          columnOf.append(offset - lineStart + 1)
        }
      }
      guard flat.contains(UInt8(ascii: "$")) else { return }
      for found in Self.scan(flat) {
        let texBytes = Array(flat[found.content])
        let delimiter = found.isDisplay ? "$$" : "$"
        var masked = delimiter
        for index in found.content {
          if origin[index] < 0 {
            masked += "\n"
          } else {
            masked += "M"
            bytes[origin[index]] = UInt8(ascii: "M")
          }
        }
        masked += delimiter
        changed = true
        let first = found.content.lowerBound
        spans.append(
          Span(
            tex: String(decoding: texBytes, as: UTF8.self), isDisplay: found.isDisplay,
            line: lineOf[first], byteColumn: columnOf[first], masked: masked))
      }
    }
    if changed { maskedSource = String(decoding: bytes, as: UTF8.self) }
  }

  // MARK: Finding the text to scan

  private static func forEachInlineBlock(
    _ node: MarkdownNode, blockQuoteDepth: Int, _ body: (MarkdownNode, Int) -> Void
  ) {
    switch node.kind {
    case .paragraph, .heading:
      body(node, blockQuoteDepth)
    case .blockQuote:
      for child in node.children {
        forEachInlineBlock(child, blockQuoteDepth: blockQuoteDepth + 1, body)
      }
    default:
      for child in node.children {
        forEachInlineBlock(child, blockQuoteDepth: blockQuoteDepth, body)
      }
    }
  }

  private struct Segment {
    var line: Int
    /// Absolute byte offsets in the source.
    var range: Range<Int>
  }

  /// The content bytes of each line of a paragraph or heading (raw byte positions).
  private static func segments(of block: MarkdownNode, blockQuoteDepth: Int, text: SourceText)
    -> [Segment]
  {
    let start = block.position.startLine
    var end = block.position.endLine
    guard start >= 1, end >= start else { return [] }
    var isATX = false
    if case .heading = block.kind {
      let first = text.bytes(ofLine: start)
      let offset = first.startIndex + max(0, block.position.startColumn - 1)
      isATX = offset < first.endIndex && first[offset] == UInt8(ascii: "#")
      // A setext heading's position includes its underline.
      if !isATX && end > start { end -= 1 }
    }
    var segments: [Segment] = []
    for line in start...end {
      let bytes = text.bytes(ofLine: line)
      var from =
        line == start
        ? bytes.startIndex + max(0, block.position.startColumn - 1)
        : bytes.startIndex + text.contentOffset(line: line, blockQuoteDepth: blockQuoteDepth)
      if isATX {
        while from < bytes.endIndex, bytes[from] == UInt8(ascii: "#") { from += 1 }
      }
      from = min(from, bytes.endIndex)
      segments.append(Segment(line: line, range: from..<bytes.endIndex))
    }
    return segments
  }

  // MARK: Scanning

  struct Found {
    var content: Range<Int>
    var isDisplay: Bool
  }

  /// The math spans of one block's flattened content.
  static func scan(_ bytes: [UInt8]) -> [Found] {
    let dollar = UInt8(ascii: "$")
    let backslash = UInt8(ascii: "\\")
    let backtick = UInt8(ascii: "`")
    var found: [Found] = []
    var index = 0
    func run(of byte: UInt8, at start: Int) -> Int {
      var end = start
      while end < bytes.count, bytes[end] == byte { end += 1 }
      return end - start
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == backslash {
        index += 2
      } else if byte == backtick {
        // A code span: skip to the closing run of the same length, if there is one.
        let length = run(of: backtick, at: index)
        var search = index + length
        var closed = false
        while search < bytes.count {
          if bytes[search] == backtick {
            let closing = run(of: backtick, at: search)
            if closing == length {
              index = search + closing
              closed = true
              break
            }
            search += closing
          } else {
            search += 1
          }
        }
        if !closed { index += length }
      } else if byte == UInt8(ascii: "<"), index + 1 < bytes.count,
        isTagStart(bytes[index + 1]),
        let close = bytes[(index + 1)...].firstIndex(where: { $0 == UInt8(ascii: ">") || $0 == 10 }
        ),
        bytes[close] == UInt8(ascii: ">")
      {
        // Raw HTML or an autolink: its text is not prose.
        index = close + 1
      } else if byte == UInt8(ascii: "]"), index + 1 < bytes.count,
        bytes[index + 1] == UInt8(ascii: "("),
        let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ")"))
      {
        // A link destination.
        index = close + 1
      } else if byte == dollar {
        let isDisplay = index + 1 < bytes.count && bytes[index + 1] == dollar
        let open = isDisplay ? 2 : 1
        let contentStart = index + open
        if let end = closing(from: contentStart, isDisplay: isDisplay, in: bytes) {
          found.append(Found(content: contentStart..<end, isDisplay: isDisplay))
          index = end + open
        } else {
          index += open
        }
      } else {
        index += 1
      }
    }
    return found
  }

  private static func isTagStart(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "/")
      || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
  }

  /// Where the content ends (the index of the closing delimiter), or nil when it is not math.
  private static func closing(from start: Int, isDisplay: Bool, in bytes: [UInt8]) -> Int? {
    let dollar = UInt8(ascii: "$")
    func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 }
    guard start < bytes.count else { return nil }
    if !isDisplay && (isSpace(bytes[start]) || bytes[start] == dollar) { return nil }
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if byte == dollar {
        if isDisplay {
          if index + 1 < bytes.count, bytes[index + 1] == dollar, index > start { return index }
        } else {
          let next = index + 1 < bytes.count ? bytes[index + 1] : 0
          let followedByDigit = next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")
          if !isSpace(bytes[index - 1]) && !followedByDigit { return index }
        }
        // A `$` that does not close inline math cannot be inside it either.
        if !isDisplay { return nil }
      }
      if !isDisplay && byte == 10 && index + 1 < bytes.count && bytes[index + 1] == 10 {
        return nil
      }
      index += 1
    }
    return nil
  }

  // MARK: Restoring

  /// Replaces each masked span in `node`'s text with a `math` node, in document order.
  func restore(in node: MarkdownNode, text: SourceText) -> MarkdownNode {
    guard !spans.isEmpty else { return node }
    var next = 0
    return restore(node, next: &next, text: text)
  }

  private func restore(_ node: MarkdownNode, next: inout Int, text: SourceText) -> MarkdownNode {
    var result = node
    var children: [MarkdownNode] = []
    var run: [MarkdownNode] = []
    func flush() {
      if run.isEmpty { return }
      children += restoreRun(run, next: &next, text: text)
      run = []
    }
    for child in node.children {
      switch child.kind {
      case .text, .softBreak:
        run.append(child)
      default:
        flush()
        children.append(restore(child, next: &next, text: text))
      }
    }
    flush()
    result.children = children
    return result
  }

  /// A run of text and soft breaks, with masked spans turned into math nodes.
  private func restoreRun(_ run: [MarkdownNode], next: inout Int, text: SourceText)
    -> [MarkdownNode]
  {
    var joined = ""
    for node in run {
      if case .text(let value) = node.kind { joined += value } else { joined += "\n" }
    }
    guard next < spans.count, joined.contains("$") else { return run }
    var pieces: [MarkdownNode] = []
    var rest = joined[...]
    let position = run.first?.position ?? .unknown
    func appendText(_ value: Substring) {
      var lines = value.split(separator: "\n", omittingEmptySubsequences: false)[...]
      while let line = lines.popFirst() {
        if !line.isEmpty { pieces.append(MarkdownNode(.text(String(line)), position: position)) }
        if !lines.isEmpty { pieces.append(MarkdownNode(.softBreak, position: position)) }
      }
    }
    var replaced = false
    while next < spans.count, let range = rest.firstRange(of: spans[next].masked) {
      let span = spans[next]
      appendText(rest[..<range.lowerBound])
      let column = text.characterColumn(line: span.line, byteColumn: span.byteColumn)
      var endLine = span.line
      var endColumn = column
      for character in span.tex {
        if character == "\n" {
          endLine += 1
          endColumn = 1
        } else {
          endColumn += 1
        }
      }
      pieces.append(
        MarkdownNode(
          .math(tex: span.tex, isDisplay: span.isDisplay),
          position: SourcePosition(
            startLine: span.line, startColumn: column, endLine: endLine,
            endColumn: max(column, endColumn - 1))))
      rest = rest[range.upperBound...]
      next += 1
      replaced = true
    }
    guard replaced else { return run }
    appendText(rest)
    return pieces
  }
}
