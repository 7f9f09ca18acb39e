/// A fenced block written ```` ```figure ````, describing a figure the page renderer draws.
/// What its text means is up to the renderer.
public struct FigureBlock: Sendable, Hashable {
  /// The block's content as cmark gives it (fence indentation removed, lines ending in `"\n"`).
  public var text: String
  /// The info string words after `figure`.
  public var options: [String]
  /// The lesson line of the opening fence.
  public var fenceLine: Int
  /// The lesson line of the first content line; content line N is lesson line
  /// `contentStartLine + N - 1`.
  public var contentStartLine: Int

  /// Creates a figure block.
  public init(text: String, options: [String], fenceLine: Int, contentStartLine: Int) {
    self.text = text
    self.options = options
    self.fenceLine = fenceLine
    self.contentStartLine = contentStartLine
  }
}
