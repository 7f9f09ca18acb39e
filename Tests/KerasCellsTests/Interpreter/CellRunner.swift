import KerasCells

/// Runs cells in one session for interpreter tests; the first line of a cell is line 1.
struct CellRunner {
  let session = KerasSession(kerasVersion: .keras2)

  /// Runs `source` and returns what it printed (with tf-keras 2.21's summary footer).
  @discardableResult
  func run(_ source: String) -> (printed: String, error: CellError?) {
    let result = session.run(source)
    return (result.printed(footer: .modern), result.error)
  }

  /// The text of `source` an error's range covers.
  static func text(of error: CellError?, in source: String) -> String? {
    guard let error else { return nil }
    return String(error.range.text(in: source))
  }

  static let header = """
    from tensorflow import keras
    from tensorflow.keras import layers

    """
}
