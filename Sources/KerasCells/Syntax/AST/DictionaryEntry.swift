/// One entry of a dictionary display.
public enum DictionaryEntry: Hashable, Sendable {
  /// `key: value`.
  case pair(key: Expression, value: Expression)
  /// `**mapping`, merging another dictionary in.
  case unpacking(Expression)
}
