/// Where a node sits in the lesson file.
///
/// Lines and columns are 1-based. Columns count Swift `Character`s (what an editor shows, a
/// tab being one column), not bytes, so they can be shown to instructors as they are. Both ends
/// are inclusive, as in cmark. A value of 0 means "not known": cmark records no position for
/// soft and hard line breaks, and closes some blocks at column 0 of the following line.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
  /// The line of the first character.
  public var startLine: Int
  /// The column of the first character.
  public var startColumn: Int
  /// The line of the last character.
  public var endLine: Int
  /// The column of the last character.
  public var endColumn: Int

  /// Creates a position from its four coordinates.
  public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
    self.startLine = startLine
    self.startColumn = startColumn
    self.endLine = endLine
    self.endColumn = endColumn
  }

  /// The position of nodes cmark does not locate.
  public static let unknown = SourcePosition(startLine: 0, startColumn: 0, endLine: 0, endColumn: 0)

  /// Whether the start of the node is known.
  public var isKnown: Bool { startLine > 0 }

  /// `line:column-line:column`, cmark's `sourcepos` notation.
  public var description: String { "\(startLine):\(startColumn)-\(endLine):\(endColumn)" }
}
