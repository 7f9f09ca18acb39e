/// The source line a range starts on, with a caret line underneath pointing
/// at the range, ready to print in an error message:
///
///     model.fit(x, y)
///     ^^^^^^^^^
///
/// Only the first line of a multi-line range is shown and underlined, which
/// is what CPython does for syntax errors too.
public struct SourceExcerpt: Hashable, Sendable, CustomStringConvertible {
  /// The full text of the line the range starts on, without its line break.
  public var lineText: String
  /// Whitespace then one or more `^`. Tabs in the line are copied so the
  /// carets stay aligned however the reader's terminal renders tabs.
  public var caretLine: String

  /// Builds the excerpt for `range`, which must come from `source`.
  public init(source: String, range: SourceRange) {
    let lines = source.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    )
    let lineIndex = min(max(range.start.line - 1, 0), max(lines.count - 1, 0))
    let line = lines.isEmpty ? "" : String(lines[lineIndex])
    let characters = Array(line)
    let startColumn = max(range.start.column, 1)
    let lastColumn: Int
    if range.end.line == range.start.line, range.end.column > startColumn {
      lastColumn = range.end.column - 1
    } else if range.end.line > range.start.line {
      lastColumn = max(characters.count, startColumn)
    } else {
      lastColumn = startColumn
    }
    var indentation = ""
    for column in 1..<startColumn {
      let character = column <= characters.count ? characters[column - 1] : " "
      indentation.append(character == "\t" ? "\t" : " ")
    }
    lineText = line
    caretLine = indentation + String(repeating: "^", count: lastColumn - startColumn + 1)
  }

  /// The line followed by the caret line.
  public var description: String { lineText + "\n" + caretLine }
}
