/// One `case pattern if guard:` block of a `match` statement.
public struct MatchCase: Hashable, Sendable {
  public var pattern: MatchPattern
  /// The `if` condition, evaluated after the pattern's names are bound.
  public var guardCondition: Expression?
  public var body: [Statement]
  /// From `case` to the end of the body.
  public var range: SourceRange

  public init(
    pattern: MatchPattern, guardCondition: Expression?, body: [Statement], range: SourceRange
  ) {
    self.pattern = pattern
    self.guardCondition = guardCondition
    self.body = body
    self.range = range
  }
}
