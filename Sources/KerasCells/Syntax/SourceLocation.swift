/// A position in the source text of a cell.
///
/// Lines and columns are 1-based and columns count user-perceived characters
/// (a tab counts as one), which is also how CPython numbers the columns of a
/// `SyntaxError`. The UTF-8 offset is what a renderer needs to slice the
/// original `String` without re-scanning it.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// 1-based line number.
  public var line: Int
  /// 1-based column, in characters from the start of `line`.
  public var column: Int
  /// 0-based byte offset into the UTF-8 encoding of the whole source.
  public var utf8Offset: Int

  /// Creates a location; `line` and `column` are 1-based, `utf8Offset` is 0-based.
  public init(line: Int, column: Int, utf8Offset: Int) {
    self.line = line
    self.column = column
    self.utf8Offset = utf8Offset
  }

  /// `line:column`, the form used in compiler-style messages.
  public var description: String { "\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column, lhs.utf8Offset) < (rhs.line, rhs.column, rhs.utf8Offset)
  }
}
