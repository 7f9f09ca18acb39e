/// One argument of a call.
public struct Argument: Hashable, Sendable {
  /// How the argument is passed.
  public enum Kind: Hashable, Sendable {
    /// `f(value)`.
    case positional
    /// `f(label=value)`.
    case keyword(String)
    /// `f(*value)`. Parsed so the interpreter can reject it with a precise location.
    case unpackedIterable
    /// `f(**value)`. Parsed so the interpreter can reject it with a precise location.
    case unpackedMapping
  }

  /// How the argument is passed.
  public var kind: Kind
  /// The argument's value expression.
  public var value: Expression
  /// The whole argument, including any `label=`, `*` or `**`.
  public var range: SourceRange
  /// Just the keyword label, for keyword arguments.
  public var labelRange: SourceRange?

  /// Creates an argument.
  public init(_ kind: Kind, value: Expression, range: SourceRange, labelRange: SourceRange? = nil) {
    self.kind = kind
    self.value = value
    self.range = range
    self.labelRange = labelRange
  }

  /// The keyword label, or `nil` for any other kind of argument.
  public var label: String? {
    if case .keyword(let label) = kind { return label }
    return nil
  }
}
