/// One `for target in iterable if condition ...` clause of a comprehension.
public struct ComprehensionClause: Hashable, Sendable {
  /// The loop target, with the same forms as an assignment target.
  public var target: Expression
  /// What is iterated.
  public var iterable: Expression
  /// The `if` filters of this clause, all of which must hold.
  public var conditions: [Expression]
  /// From `for` to the end of the last condition.
  public var range: SourceRange

  /// Creates a clause.
  public init(
    target: Expression, iterable: Expression, conditions: [Expression], range: SourceRange
  ) {
    self.target = target
    self.iterable = iterable
    self.conditions = conditions
    self.range = range
  }
}
