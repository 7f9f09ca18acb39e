/// A parameter of a `lambda`. Only plain and defaulted parameters are
/// supported; `*args`, `**kwargs` and `/` are rejected by the parser.
public struct LambdaParameter: Hashable, Sendable {
  /// The parameter name.
  public var name: String
  /// The default value, evaluated when the lambda is created.
  public var defaultValue: Expression?
  /// The name, plus `=default` if present.
  public var range: SourceRange

  /// Creates a parameter.
  public init(name: String, defaultValue: Expression?, range: SourceRange) {
    self.name = name
    self.defaultValue = defaultValue
    self.range = range
  }
}
