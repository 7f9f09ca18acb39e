/// A plain-text table for the terminal: columns padded to their widest cell, text left-aligned and
/// numbers right-aligned, two spaces between columns, no trailing spaces.
struct TextTable {
  enum Alignment {
    case left, right
  }

  var header: [String]
  var alignments: [Alignment]
  var rows: [[String]] = []

  init(_ header: [String], alignments: [Alignment]) {
    self.header = header
    self.alignments = alignments
  }

  /// Cells are escaped for the terminal: a name holding a newline or an escape sequence stays in
  /// its cell.
  mutating func add(_ row: [String]) { rows.append(row.map(TerminalText.escaped)) }

  func render() -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in
      all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
    }
    var lines: [String] = []
    for (index, row) in all.enumerated() {
      var cells: [String] = []
      for column in header.indices {
        let cell = row.indices.contains(column) ? row[column] : ""
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        cells.append(alignments[column] == .left ? cell + pad : pad + cell)
      }
      lines.append(String(cells.joined(separator: "  ").reversed().drop { $0 == " " }.reversed()))
      if index == 0 {
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
