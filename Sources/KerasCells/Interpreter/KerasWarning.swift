/// A Python warning Keras issues while a cell runs (Keras 3's `UserWarning` for `input_shape=` on a
/// layer), for standard error: it is not part of what the cell prints.
public struct KerasWarning: Sendable, Equatable {
  /// The warning's class, `UserWarning`.
  public var category: String
  public var message: String
  /// Where in the cell the statement that caused it is.
  public var range: SourceRange
  /// Where in Keras' own code Python names the warning, when recorded (`Keras3WarningSites`).
  public var site: KerasWarningSite?
  /// Python names the cell's own line (Keras warned with `stacklevel=2` from the function the cell
  /// called) and shows that line under the message: `sourceLine`, stripped.
  public var namesCallerLine = false
  public var sourceLine: String?

  public init(
    category: String, message: String, range: SourceRange, site: KerasWarningSite? = nil
  ) {
    self.category = category
    self.message = message
    self.range = range
    self.site = site
  }
}
