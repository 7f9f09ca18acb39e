/// A `{...}` replacement field of an f-string.
///
/// The self-documenting form `{x=}` is expanded as Python does: a literal
/// part `x=` precedes the field, whose conversion defaults to `repr`.
public struct FormattedReplacement: Hashable, Sendable {
  /// The expression whose value is formatted.
  public var expression: Expression
  /// `!s`, `!r` or `!a`, if present.
  public var conversion: FormattedStringConversion?
  /// The format spec after `:`, which may itself contain fields; empty if absent.
  public var formatSpec: [FormattedStringPart]
  /// The field including its braces.
  public var range: SourceRange

  /// Creates a replacement field.
  public init(
    expression: Expression, conversion: FormattedStringConversion?,
    formatSpec: [FormattedStringPart],
    range: SourceRange
  ) {
    self.expression = expression
    self.conversion = conversion
    self.formatSpec = formatSpec
    self.range = range
  }
}
