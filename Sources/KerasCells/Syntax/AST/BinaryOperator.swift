/// An arithmetic or bitwise infix operator, also used by augmented assignment.
/// Operators ConvBook cannot evaluate (such as `@`) still parse, so the
/// interpreter can name them in its error.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
  /// `+`.
  case add = "+"
  /// `-`.
  case subtract = "-"
  /// `*`.
  case multiply = "*"
  /// `/`.
  case divide = "/"
  /// `//`.
  case floorDivide = "//"
  /// `%`.
  case modulo = "%"
  /// `**`.
  case power = "**"
  /// `@`, matrix multiplication.
  case matrixMultiply = "@"
  /// `<<`.
  case leftShift = "<<"
  /// `>>`.
  case rightShift = ">>"
  /// `&`.
  case bitwiseAnd = "&"
  /// `|`.
  case bitwiseOr = "|"
  /// `^`.
  case bitwiseXor = "^"

  /// The operator as written in Python (`+=` drops its `=` to map here).
  public var symbol: String { rawValue }
}
