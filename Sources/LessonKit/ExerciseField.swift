/// One `key: value` or `key:` + `- item` field of an exercise block.
public struct ExerciseField: Sendable, Hashable {
  /// The field's value.
  public enum Value: Sendable, Hashable {
    /// `key: value`; continuation lines are joined with single spaces.
    case text(String)
    /// `key:` followed by `- item` lines.
    case list([Item])
  }

  /// One `- item` line of a list field.
  public struct Item: Sendable, Hashable {
    /// The item text after `- `; continuation lines are joined with single spaces.
    public var text: String
    /// The lesson line of the `- ` line.
    public var line: Int

    /// Creates an item.
    public init(text: String, line: Int) {
      self.text = text
      self.line = line
    }
  }

  /// The key before the colon.
  public var key: String
  /// The value after it.
  public var value: Value
  /// The lesson line of the `key:` line.
  public var line: Int

  /// Creates a field.
  public init(key: String, value: Value, line: Int) {
    self.key = key
    self.value = value
    self.line = line
  }

  /// The value of a text field, `nil` for a list.
  public var text: String? {
    if case .text(let text) = value { text } else { nil }
  }

  /// The items of a list field, `nil` for text.
  public var items: [Item]? {
    if case .list(let items) = value { items } else { nil }
  }
}
