/// The lesson source as lines of characters, split like cmark splits lines.
struct SourceLines {
  let lines: [[Character]]

  init(_ source: String) {
    var lines: [[Character]] = [[]]
    for scalar in source.unicodeScalars {
      // Split on scalars: "\r\n" is one Character, and a lone "\r" also ends a line.
      if scalar == "\n" {
        if lines[lines.count - 1].last == "\r" { lines[lines.count - 1].removeLast() }
        lines.append([])
      } else if lines[lines.count - 1].last == "\r" {
        lines[lines.count - 1].removeLast()
        lines.append([Character(scalar)])
      } else {
        lines[lines.count - 1].append(Character(scalar))
      }
    }
    if lines[lines.count - 1].last == "\r" { lines[lines.count - 1].removeLast() }
    // Re-cluster each line so that columns count grapheme clusters, as positions do.
    self.lines = lines.map { Array(String($0)) }
  }

  /// The text of `count` characters starting at a 1-based line and column, or `nil` if the
  /// source has no such text.
  func text(line: Int, column: Int, count: Int) -> String? {
    guard line >= 1, line <= lines.count, column >= 1 else { return nil }
    let characters = lines[line - 1]
    guard column - 1 + count <= characters.count else { return nil }
    return String(characters[(column - 1)..<(column - 1 + count)])
  }
}
