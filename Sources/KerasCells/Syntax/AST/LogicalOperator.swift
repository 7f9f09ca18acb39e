/// A short-circuiting boolean operator.
public enum LogicalOperator: String, Hashable, Sendable, CaseIterable {
  /// `and`.
  case and
  /// `or`.
  case or

  /// The operator as written in Python.
  public var symbol: String { rawValue }
}
