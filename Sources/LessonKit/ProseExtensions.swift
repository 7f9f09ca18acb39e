/// Applies ``MarkdownExtensions`` to a document cmark has parsed: math spans back from their
/// masks, pipe tables out of paragraphs, callouts out of block quotes.
///
/// libcmark has no table extension, so a table is recognised from the source lines of the
/// paragraph cmark made of it, following the GitHub Flavored Markdown rules: a header row, a
/// delimiter row with as many cells, then body rows to the end of the paragraph. Cells are parsed
/// as inline Markdown on their own, with positions in the lesson file.
struct ProseExtensions {
  let extensions: MarkdownExtensions
  let source: SourceText

  func apply(to document: MarkdownNode) -> MarkdownNode {
    transform(document, blockQuoteDepth: 0)
  }

  private func transform(_ node: MarkdownNode, blockQuoteDepth: Int) -> MarkdownNode {
    var result = node
    var childDepth = blockQuoteDepth
    switch node.kind {
    case .paragraph, .heading, .codeBlock, .htmlBlock, .thematicBreak:
      return node
    case .blockQuote:
      childDepth += 1
      result.children = node.children.map { transform($0, blockQuoteDepth: blockQuoteDepth + 1) }
      if extensions.contains(.callouts) { result = callout(from: result) ?? result }
    default:
      result.children = node.children.map { transform($0, blockQuoteDepth: blockQuoteDepth) }
    }
    if extensions.contains(.tables) {
      var children: [MarkdownNode] = []
      for child in result.children {
        if case .paragraph = child.kind {
          children += tableSplit(child, blockQuoteDepth: childDepth)
        } else {
          children.append(child)
        }
      }
      result.children = children
    }
    return result
  }

  // MARK: Callouts

  /// The callout a block quote is, when its first line is `[!KIND]`.
  private func callout(from quote: MarkdownNode) -> MarkdownNode? {
    guard let first = quote.children.first, case .paragraph = first.kind else { return nil }
    var marker = ""
    var consumed = 0
    for child in first.children {
      guard case .text(let text) = child.kind else { break }
      marker += text
      consumed += 1
    }
    let trimmed = marker.trimmingTrailingWhitespace
    guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]"),
      let kind = CalloutKind(rawValue: trimmed.dropFirst(2).dropLast().lowercased())
    else { return nil }
    // The marker must be the whole first line.
    if consumed < first.children.count {
      switch first.children[consumed].kind {
      case .softBreak, .lineBreak: consumed += 1
      default: return nil
      }
    }
    var paragraph = first
    paragraph.children.removeFirst(consumed)
    var children = Array(quote.children.dropFirst())
    if !paragraph.children.isEmpty {
      paragraph.position.startLine = paragraph.children[0].position.startLine
      paragraph.position.startColumn = paragraph.children[0].position.startColumn
      children.insert(paragraph, at: 0)
    }
    return MarkdownNode(.callout(kind), children: children, position: quote.position)
  }

  // MARK: Tables

  /// The paragraph itself, or the paragraph text before a table and the table.
  private func tableSplit(_ paragraph: MarkdownNode, blockQuoteDepth: Int) -> [MarkdownNode] {
    let start = paragraph.position.startLine
    let end = paragraph.position.endLine
    guard start >= 1, end > start else { return [paragraph] }
    // Each line's content, and the character column it starts at.
    var lines: [(line: Int, column: Int, text: Substring)] = []
    for line in start...end {
      let bytes = source.bytes(ofLine: line)
      let text = String(decoding: bytes, as: UTF8.self)
      let column: Int
      if line == start {
        column = max(1, paragraph.position.startColumn)
      } else {
        let offset = source.contentOffset(line: line, blockQuoteDepth: blockQuoteDepth)
        column = source.characterColumn(line: line, byteColumn: offset + 1)
      }
      let content = text.dropFirst(column - 1)
      lines.append((line, column, content))
    }
    guard lines.contains(where: { $0.text.contains("|") }) else { return [paragraph] }
    for header in 0..<(lines.count - 1) {
      guard let alignments = Self.delimiterRow(lines[header + 1].text),
        lines[header].text.contains("|"),
        Self.cells(of: lines[header].text).count == alignments.count
      else { continue }
      var rows: [MarkdownNode] = []
      for (index, row) in lines.enumerated() where index >= header && index != header + 1 {
        rows.append(
          tableRow(
            row.text, line: row.line, column: row.column, columns: alignments.count,
            isHeader: index == header))
      }
      let last = lines[lines.count - 1]
      let table = MarkdownNode(
        .table(alignments: alignments), children: rows,
        position: SourcePosition(
          startLine: lines[header].line, startColumn: lines[header].column, endLine: last.line,
          endColumn: last.column + last.text.count - 1))
      guard header > 0 else { return [table] }
      // The lines above the header stay a paragraph: its inlines up to the header line.
      var before = paragraph
      before.children = paragraph.children.filter { $0.position.startLine < lines[header].line }
      while let lastChild = before.children.last {
        if case .softBreak = lastChild.kind {
          before.children.removeLast()
        } else {
          break
        }
      }
      before.position.endLine = lines[header - 1].line
      before.position.endColumn = lines[header - 1].column + lines[header - 1].text.count - 1
      return [before, table]
    }
    return [paragraph]
  }

  private func tableRow(_ text: Substring, line: Int, column: Int, columns: Int, isHeader: Bool)
    -> MarkdownNode
  {
    var cells: [MarkdownNode] = []
    for cell in Self.cells(of: text).prefix(columns) {
      let cellColumn = column + cell.offset
      let content = Self.unescapingPipes(cell.text)
      cells.append(
        MarkdownNode(
          .tableCell, children: inlines(of: content, line: line, column: cellColumn),
          position: SourcePosition(
            startLine: line, startColumn: cellColumn, endLine: line,
            endColumn: cellColumn + max(0, cell.text.count - 1))))
    }
    while cells.count < columns {
      cells.append(
        MarkdownNode(
          .tableCell,
          position: SourcePosition(
            startLine: line, startColumn: column + text.count, endLine: line,
            endColumn: column + text.count)))
    }
    return MarkdownNode(
      .tableRow(isHeader: isHeader), children: cells,
      position: SourcePosition(
        startLine: line, startColumn: column, endLine: line,
        endColumn: column + max(0, text.count - 1)))
  }

  /// A cell's text parsed as inline Markdown, positioned at `line`, `column` of the lesson.
  private func inlines(of text: String, line: Int, column: Int) -> [MarkdownNode] {
    if text.isEmpty { return [] }
    // A leading "." keeps cmark from reading `# x`, `- x` or `1. x` as a block; it is removed
    // from the first text node below. "." is not special anywhere in CommonMark's inlines.
    let document = LessonReader.parseMarkdown(
      "." + text, extensions: extensions.intersection(.math))
    var nodes: [MarkdownNode] = []
    for block in document.children {
      if !nodes.isEmpty { nodes.append(MarkdownNode(.softBreak)) }
      nodes += block.children.isEmpty ? [block] : block.children
    }
    if let first = nodes.first, case .text(let value) = first.kind, value.hasPrefix(".") {
      if value.count == 1 {
        nodes.removeFirst()
      } else {
        nodes[0].kind = .text(String(value.dropFirst()))
        nodes[0].position.startColumn += 1
      }
    }
    return nodes.map { Self.shifted($0, line: line, columnOffset: column - 2) }
  }

  private static func shifted(_ node: MarkdownNode, line: Int, columnOffset: Int) -> MarkdownNode {
    var result = node
    if node.position.isKnown {
      result.position = SourcePosition(
        startLine: line, startColumn: node.position.startColumn + columnOffset, endLine: line,
        endColumn: node.position.endColumn + columnOffset)
    }
    result.children = node.children.map { shifted($0, line: line, columnOffset: columnOffset) }
    return result
  }

  /// The cells of a row: their trimmed text and its character offset in `row`. Pipes escaped
  /// with a backslash do not split cells.
  static func cells(of row: Substring) -> [(text: String, offset: Int)] {
    let characters = Array(row)
    var start = 0
    var end = characters.count
    while start < end, characters[start].isWhitespace { start += 1 }
    while end > start, characters[end - 1].isWhitespace { end -= 1 }
    if start < end, characters[start] == "|" { start += 1 }
    if end > start, characters[end - 1] == "|", !(end - 2 >= start && characters[end - 2] == "\\") {
      end -= 1
    }
    var cells: [(String, Int)] = []
    var cellStart = start
    var index = start
    func finish(at stop: Int) {
      var from = cellStart
      var to = stop
      while from < to, characters[from].isWhitespace { from += 1 }
      while to > from, characters[to - 1].isWhitespace { to -= 1 }
      cells.append((String(characters[from..<to]), from))
    }
    while index < end {
      if characters[index] == "\\" {
        index += 2
        continue
      }
      if characters[index] == "|" {
        finish(at: index)
        cellStart = index + 1
      }
      index += 1
    }
    finish(at: end)
    return cells
  }

  /// `\|` read as `|`, in any inline span, as GitHub does.
  static func unescapingPipes(_ text: String) -> String {
    var result = ""
    var pendingBackslash = false
    for character in text {
      if pendingBackslash {
        if character != "|" { result.append("\\") }
        pendingBackslash = false
      }
      if character == "\\" {
        pendingBackslash = true
      } else {
        result.append(character)
      }
    }
    if pendingBackslash { result.append("\\") }
    return result
  }

  /// The column alignments when `row` is a delimiter row (`| :-- | --: |`), else nil.
  static func delimiterRow(_ row: Substring) -> [TableAlignment]? {
    guard row.contains("|") || row.contains(":") else { return nil }
    var alignments: [TableAlignment] = []
    for (cell, _) in cells(of: row) {
      let left = cell.hasPrefix(":")
      let right = cell.hasSuffix(":") && cell.count > 1
      let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
    }
    return alignments.isEmpty ? nil : alignments
  }
}

extension String {
  fileprivate var trimmingTrailingWhitespace: Substring {
    var result = self[...]
    while let last = result.last, last.isWhitespace { result = result.dropLast() }
    return result
  }
}
