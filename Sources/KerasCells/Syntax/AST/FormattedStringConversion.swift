/// The `!s` / `!r` / `!a` conversion of an f-string field.
public enum FormattedStringConversion: Character, Hashable, Sendable {
  /// `!s`: `str(value)`.
  case str = "s"
  /// `!r`: `repr(value)`.
  case repr = "r"
  /// `!a`: `ascii(value)`.
  case ascii = "a"
}
