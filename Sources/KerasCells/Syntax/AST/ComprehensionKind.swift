/// Which container a comprehension builds (dictionary comprehensions have
/// their own expression kind because they have a key and a value).
public enum ComprehensionKind: Hashable, Sendable {
  /// `[e for ...]`.
  case list
  /// `{e for ...}`.
  case set
  /// `(e for ...)`, or the bare form as a call's only argument.
  case generator
}
