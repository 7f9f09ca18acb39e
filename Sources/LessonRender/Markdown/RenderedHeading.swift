/// A heading as rendered on a page: its level, `id` and plain text.
public struct RenderedHeading: Sendable, Hashable {
  public var level: Int
  public var id: String
  public var text: String

  public init(level: Int, id: String, text: String) {
    self.level = level
    self.id = id
    self.text = text
  }
}
