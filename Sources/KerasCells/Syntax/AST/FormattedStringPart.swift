/// A piece of an f-string.
public enum FormattedStringPart: Hashable, Sendable {
  /// Literal text, escapes and `{{`/`}}` already decoded.
  case literal(String)
  /// A `{expression!conversion:spec}` field.
  case replacement(FormattedReplacement)
}
