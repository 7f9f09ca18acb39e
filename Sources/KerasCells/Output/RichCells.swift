/// Text measured in terminal cells as rich (Keras 3's summary printer) measures it: most
/// characters take one cell, East Asian wide characters and emoji two, combining marks and
/// control characters none (`RichCellWidths.swift`, generated from rich's own table). A zero width
/// joiner hides the character after it; a variation selector 16 widens the emoji before it.
/// Text is handled as Python holds it, a sequence of code points.
enum RichCells {
  typealias Text = [Unicode.Scalar]

  /// `get_character_cell_size`: 0, 1 or 2 cells.
  static func width(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if (value != 0 && value < 32) || (0x7F..<0xA0).contains(value) { return 0 }
    var lower = 0
    var upper = widthRanges.count - 1
    while lower <= upper {
      let middle = (lower + upper) / 2
      let (first, last, width) = widthRanges[middle]
      if value < first {
        upper = middle - 1
      } else if value > last {
        lower = middle + 1
      } else {
        return width
      }
    }
    return 1
  }

  private static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"
  private static let variationSelector16: Unicode.Scalar = "\u{FE0F}"

  /// `cell_len`: the cells the text takes on a terminal.
  static func length(_ text: Text) -> Int {
    var total = 0
    var lastMeasured: Unicode.Scalar?
    var index = 0
    while index < text.count {
      let scalar = text[index]
      if scalar == zeroWidthJoiner {
        // rich steps over the joiner and the character it joins.
        index += 1
      } else if scalar == variationSelector16 {
        if let last = lastMeasured {
          if narrowToWide.contains(last.value) { total += 1 }
          lastMeasured = nil
        }
      } else {
        let cells = width(scalar)
        if cells > 0 {
          lastMeasured = scalar
          total += cells
        }
      }
      index += 1
    }
    return total
  }

  static func length(_ text: String) -> Int { length(Array(text.unicodeScalars)) }

  /// `split_graphemes`: the text as spans (start, end, cells) that cover it without gaps; a
  /// zero-width character, a joiner and what it joins, and a variation selector belong to the
  /// span before them.
  static func spans(_ text: Text) -> [(start: Int, end: Int, cells: Int)] {
    var spans: [(start: Int, end: Int, cells: Int)] = []
    var lastMeasured: Unicode.Scalar?
    var index = 0
    while index < text.count {
      let scalar = text[index]
      if scalar == zeroWidthJoiner || scalar == variationSelector16 {
        guard let previous = spans.last else {
          spans.append((index, index + 1, 0))
          index += 1
          continue
        }
        if scalar == zeroWidthJoiner {
          index += index < text.count - 1 ? 2 : 1
          spans[spans.count - 1] = (previous.start, index, previous.cells)
        } else {
          index += 1
          var cells = previous.cells
          if let last = lastMeasured, narrowToWide.contains(last.value) {
            lastMeasured = nil
            cells += 1
          }
          spans[spans.count - 1] = (previous.start, index, cells)
        }
        continue
      }
      let cells = width(scalar)
      if cells > 0 {
        lastMeasured = scalar
        spans.append((index, index + 1, cells))
      } else if let previous = spans.last {
        spans[spans.count - 1] = (previous.start, index + 1, previous.cells)
      } else {
        spans.append((index, index + 1, 0))
      }
      index += 1
    }
    return spans
  }

  /// Whether rich skips its table for the text: every character is in the ranges it knows to be
  /// one cell wide (printable Latin, Greek, Cyrillic, box drawing, Braille). Its shortcuts then
  /// count code points, which matters only where a size is negative.
  static func isSingleCellText(_ text: Text) -> Bool {
    text.allSatisfy { scalar in
      switch scalar.value {
      case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF, 0x370...0x482, 0x2500...0x25FC, 0x2800...0x28FF:
        return true
      default: return false
      }
    }
  }

  /// `split_text` / `_split_text`: the text cut after `position` cells; a wide character the cut
  /// falls inside becomes a space on each side. rich walks from a proportional first guess.
  static func split(_ text: Text, at position: Int) -> (Text, Text) {
    if isSingleCellText(text) {
      let cut = pythonSliceEnd(position, count: text.count)
      return (Array(text[..<cut]), Array(text[cut...]))
    }
    if position <= 0 { return ([], text) }
    let spans = spans(text)
    let cells = spans.reduce(0) { $0 + $1.cells }
    var offset = Int((Double(position) / Double(cells) * Double(spans.count)).rounded(.towardZero))
    var left = spans[..<min(offset, spans.count)].reduce(0) { $0 + $1.cells }
    let space: Unicode.Scalar = " "
    while true {
      if left == position {
        if offset >= spans.count { return (text, []) }
        let cut = spans[offset].start
        return (Array(text[..<cut]), Array(text[cut...]))
      }
      if left < position {
        let span = spans[offset]
        if left + span.cells > position {
          return (Array(text[..<span.start]) + [space], [space] + Array(text[span.end...]))
        }
        offset += 1
        left += span.cells
      } else {
        let span = spans[offset - 1]
        if left - span.cells < position {
          return (Array(text[..<span.start]) + [space], [space] + Array(text[span.end...]))
        }
        offset -= 1
        left -= span.cells
      }
    }
  }

  /// `set_cell_size`: the text cropped or padded with spaces to `total` cells.
  static func setSize(_ text: Text, _ total: Int) -> Text {
    let space: Unicode.Scalar = " "
    if isSingleCellText(text) {
      if text.count < total { return text + Array(repeating: space, count: total - text.count) }
      return Array(text[..<pythonSliceEnd(total, count: text.count)])
    }
    if total <= 0 { return [] }
    let cells = length(text)
    if cells == total { return text }
    if cells < total { return text + Array(repeating: space, count: total - cells) }
    return split(text, at: total).0
  }

  /// `chop_cells`: the text folded into lines of at most `width` cells.
  static func chop(_ text: Text, width: Int) -> [Text] {
    if isSingleCellText(text) {
      guard width > 0 else { return text.isEmpty ? [] : [text] }
      return stride(from: 0, to: text.count, by: width).map {
        Array(text[$0..<min($0 + width, text.count)])
      }
    }
    var lines: [Text] = []
    var lineCells = 0
    var lineStart = 0
    for span in spans(text) {
      if lineCells + span.cells > width {
        lines.append(Array(text[lineStart..<span.start]))
        lineStart = span.start
        lineCells = 0
      }
      lineCells += span.cells
    }
    if lineCells > 0 { lines.append(Array(text[lineStart...])) }
    return lines
  }

  /// `text.rstrip()`.
  static func rstrip(_ text: Text) -> Text {
    var end = text.count
    while end > 0 && PythonText.isSpace(text[end - 1]) { end -= 1 }
    return Array(text[..<end])
  }

  /// rich's `divide_line`: where to break the text into lines `width` cells wide. Words are
  /// Python's `\s*\S+\s*`; a word goes on the line when it fits without its trailing spaces; a word
  /// wider than a line is folded (`fold`) or starts a line of its own (to be cut with `…`).
  static func lineBreaks(_ text: Text, width: Int, fold: Bool) -> [Int] {
    var breaks: [Int] = []
    var offset = 0
    var position = 0
    while position < text.count {
      var end = position
      while end < text.count && PythonText.isSpace(text[end]) { end += 1 }
      guard end < text.count else { break }
      while end < text.count && !PythonText.isSpace(text[end]) { end += 1 }
      while end < text.count && PythonText.isSpace(text[end]) { end += 1 }
      var start = position
      let word = Array(text[position..<end])
      position = end
      let wordCells = length(rstrip(word))
      if width - offset >= wordCells {
        offset += length(word)
      } else if wordCells > width {
        if fold {
          let pieces = chop(word, width: width)
          for (index, piece) in pieces.enumerated() {
            if start > 0 { breaks.append(start) }
            if index == pieces.count - 1 {
              offset = length(piece)
            } else {
              start += piece.count
            }
          }
        } else {
          if start > 0 { breaks.append(start) }
          offset = length(word)
        }
      } else if offset > 0 && start > 0 {
        breaks.append(start)
        offset = length(word)
      }
    }
    return breaks
  }

  /// The text divided at the breaks.
  static func divide(_ text: Text, at breaks: [Int]) -> [Text] {
    var lines: [Text] = []
    var start = 0
    for cut in breaks {
      lines.append(Array(text[start..<cut]))
      start = cut
    }
    lines.append(Array(text[start...]))
    return lines
  }

  /// Python's `text[:end]` end index for any integer `end` (negative counts from the back).
  private static func pythonSliceEnd(_ end: Int, count: Int) -> Int {
    end < 0 ? max(count + end, 0) : min(end, count)
  }
}
