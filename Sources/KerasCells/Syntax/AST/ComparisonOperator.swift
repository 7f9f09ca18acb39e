/// An operator of a comparison chain.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
  /// `==`.
  case equal = "=="
  /// `!=`.
  case notEqual = "!="
  /// `<`.
  case less = "<"
  /// `<=`.
  case lessOrEqual = "<="
  /// `>`.
  case greater = ">"
  /// `>=`.
  case greaterOrEqual = ">="
  /// `in`.
  case memberOf = "in"
  /// `not in`.
  case notMemberOf = "not in"
  /// `is`.
  case identical = "is"
  /// `is not`.
  case notIdentical = "is not"

  /// The operator as written in Python.
  public var symbol: String { rawValue }
}
