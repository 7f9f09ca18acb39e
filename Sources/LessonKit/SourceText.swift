/// The lesson source split into lines the way cmark counts them, for mapping cmark's byte
/// columns to character columns and for locating text cmark does not position exactly.
struct SourceText {
  /// UTF-8 bytes of each line without its line ending; `lines[0]` is line 1.
  private let lines: [ArraySlice<UInt8>]
  /// For lines with non-ASCII bytes, the byte offset at which each `Character` starts; `nil`
  /// for ASCII lines, where byte and character columns agree.
  private let characterStarts: [[Int]?]

  init(_ text: String) {
    let bytes = Array(text.utf8)
    var lines: [ArraySlice<UInt8>] = []
    var lineStart = 0
    var index = 0
    // cmark ends a line at "\n", "\r\n" or a lone "\r"; so must we, or line numbers drift.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        lines.append(bytes[lineStart..<index])
        let isCRLF =
          byte == UInt8(ascii: "\r") && index + 1 < bytes.count
          && bytes[index + 1] == UInt8(ascii: "\n")
        index += isCRLF ? 2 : 1
        lineStart = index
      } else {
        index += 1
      }
    }
    lines.append(bytes[lineStart..<bytes.count])
    self.lines = lines
    self.characterStarts = lines.map { line in
      guard line.contains(where: { $0 >= 0x80 }) else { return nil }
      var starts: [Int] = []
      var offset = 0
      for character in String(decoding: line, as: UTF8.self) {
        starts.append(offset)
        offset += character.utf8.count
      }
      return starts
    }
  }

  /// The number of lines; a final line ending starts one more, empty, line.
  var lineCount: Int { lines.count }

  /// The bytes of 1-based `line`, empty when there is no such line.
  func bytes(ofLine line: Int) -> ArraySlice<UInt8> {
    guard line >= 1, line <= lines.count else { return [] }
    return lines[line - 1]
  }

  /// The character column of the character containing 1-based byte `column` of `line`.
  ///
  /// Columns past the end of the line (cmark points there for some block ends) keep their
  /// distance from the end; 0 and other unknown values pass through.
  func characterColumn(line: Int, byteColumn column: Int) -> Int {
    guard column >= 1, line >= 1, line <= lines.count, let starts = characterStarts[line - 1]
    else { return column }
    let offset = column - 1
    let byteCount = lines[line - 1].count
    if offset >= byteCount {
      return starts.count + (offset - byteCount) + 1
    }
    // Number of characters starting at or before `offset`: binary search in `starts`.
    var low = 0
    var high = starts.count
    while low < high {
      let middle = (low + high) / 2
      if starts[middle] <= offset {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }

  /// Converts a position in byte columns to one in character columns.
  func characterPosition(_ position: SourcePosition) -> SourcePosition {
    SourcePosition(
      startLine: position.startLine,
      startColumn: characterColumn(line: position.startLine, byteColumn: position.startColumn),
      endLine: position.endLine,
      endColumn: characterColumn(line: position.endLine, byteColumn: position.endColumn))
  }

  /// The 0-based byte offset where paragraph text starts on a continuation `line` inside
  /// `blockQuoteDepth` block quotes: after indentation and up to that many `>` markers.
  ///
  /// List items only contribute indentation, which is skipped anyway. The one input this gets
  /// wrong is a lazy line indented four or more spaces whose text starts with `>`, where the
  /// `>` is text rather than a marker.
  func contentOffset(line: Int, blockQuoteDepth: Int) -> Int {
    let bytes = bytes(ofLine: line)
    var index = bytes.startIndex
    func skipWhitespace() {
      while index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") || bytes[index] == 9 {
        index += 1
      }
    }
    skipWhitespace()
    var markers = blockQuoteDepth
    while markers > 0, index < bytes.endIndex, bytes[index] == UInt8(ascii: ">") {
      index += 1
      markers -= 1
      skipWhitespace()
    }
    return index - bytes.startIndex
  }
}
