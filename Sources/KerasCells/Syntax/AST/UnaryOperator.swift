/// A prefix operator.
public enum UnaryOperator: String, Hashable, Sendable, CaseIterable {
  /// `-x`.
  case negate = "-"
  /// `+x`.
  case plus = "+"
  /// `~x`.
  case invert = "~"
  /// `not x`.
  case not = "not"

  /// The operator as written in Python.
  public var symbol: String { rawValue }
}
