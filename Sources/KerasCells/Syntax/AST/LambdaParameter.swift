/// A parameter of a `lambda`: plain, defaulted, `*args`, keyword-only (after `*`) or
/// `**kwargs`. A `/` is rejected by the parser.
public struct LambdaParameter: Hashable, Sendable {
  /// The parameter name.
  public var name: String
  /// The default value, evaluated when the lambda is created.
  public var defaultValue: Expression?
  /// The name, plus `=default` if present.
  public var range: SourceRange
  /// Positional, `*args`, keyword-only or `**kwargs`, as in a `def`.
  public var kind: FunctionParameter.Kind

  /// Creates a parameter.
  public init(
    name: String, defaultValue: Expression?, range: SourceRange,
    kind: FunctionParameter.Kind = .positional
  ) {
    self.name = name
    self.defaultValue = defaultValue
    self.range = range
    self.kind = kind
  }
}
