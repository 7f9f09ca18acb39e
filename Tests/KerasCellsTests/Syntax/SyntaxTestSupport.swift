import KerasCells
import Testing

/// Swift Testing has its own `SourceLocation`; tests name ours through this.
typealias CellLocation = KerasCells.SourceLocation

/// A location on the first line of a source, where the UTF-8 offset is the
/// column minus one as long as the line is ASCII.
func firstLine(column: Int) -> CellLocation {
  CellLocation(line: 1, column: column, utf8Offset: column - 1)
}

/// `line:column-line:column`, compact enough to compare ranges in one `#expect`.
func span(_ range: SourceRange) -> String {
  "\(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)"
}

/// Parses a cell that must contain exactly one statement.
func parseStatement(_ source: String) throws -> Statement {
  let statements = try PythonParser.parse(source)
  try #require(statements.count == 1, "expected one statement in \(source.debugDescription)")
  return statements[0]
}

/// The error a cell is rejected with.
func parseError(_ source: String) throws -> PythonSyntaxError {
  try #require(throws: PythonSyntaxError.self) { try PythonParser.parse(source) }
}
