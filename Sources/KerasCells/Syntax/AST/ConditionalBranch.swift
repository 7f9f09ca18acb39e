/// The `if` or one `elif` branch of an if statement.
public struct ConditionalBranch: Hashable, Sendable {
  /// The condition tested.
  public var condition: Expression
  /// The statements run when it holds.
  public var body: [Statement]
  /// From the `if`/`elif` keyword to the end of the body.
  public var range: SourceRange

  /// Creates a branch.
  public init(condition: Expression, body: [Statement], range: SourceRange) {
    self.condition = condition
    self.body = body
    self.range = range
  }
}
