/// One `operator operand` step of a comparison chain after its first operand.
public struct ComparisonLink: Hashable, Sendable {
  /// How this operand is compared with the one before it.
  public var operation: ComparisonOperator
  /// The right-hand operand.
  public var operand: Expression

  /// Creates a link.
  public init(_ operation: ComparisonOperator, _ operand: Expression) {
    self.operation = operation
    self.operand = operand
  }
}
