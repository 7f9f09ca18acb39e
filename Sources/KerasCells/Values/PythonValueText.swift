import Foundation

/// Python's text forms of cell values, for callers outside the interpreter (inline values in prose,
/// exercise feedback).
public enum PythonValueText {
  /// `repr(value)`.
  public static func repr(_ value: Value) -> String { PythonText.repr(value) }

  /// `str(value)`.
  public static func str(_ value: Value) -> String { PythonText.str(value) }

  /// A float with a fixed number of decimals, as `f"{x:.2f}"` writes it.
  public static func fixed(_ value: Double, digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }
}
