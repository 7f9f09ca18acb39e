/// Why a cell stopped: a Python or Keras exception, a syntax error, or a construct ConvBook does not
/// support; with the range in the cell's source it is about.
public struct CellError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Python's exception class (`ValueError`, `SyntaxError`, `NameError`), or nil for ConvBook's own
  /// "not supported" messages.
  public var type: String?
  public var message: String
  /// Where in the cell: the layer Keras blamed, the expression that failed.
  public var range: SourceRange
  /// A close name for a misspelled one (`Conv2D` for `Conv2d`): CPython 3.11 prints it after a
  /// NameError's or AttributeError's message ("Did you mean: 'Conv2D'?"); for other errors
  /// (a misspelled keyword argument) it is ConvBook's own hint.
  public var suggestion: String?

  public init(type: String?, message: String, range: SourceRange, suggestion: String? = nil) {
    self.type = type
    self.message = message
    self.range = range
    self.suggestion = suggestion
  }

  /// What ConvBook adds below the message: the close name, and where an earlier failure that
  /// caused this error happened.
  public var note: String?

  /// The hint line of a diagnostic: "did you mean `Conv2D`?", the note.
  public var hint: String? {
    let parts = [suggestion.map { "did you mean `\($0)`?" }, note].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }

  /// The last line of Python's traceback: the headline, with CPython's suggestion for NameError
  /// and AttributeError.
  public var tracebackLine: String {
    guard let suggestion, type == "NameError" || type == "AttributeError" else {
      return description
    }
    return description + ". Did you mean: '\(suggestion)'?"
  }

  static func unsupported(_ message: String, at range: SourceRange) -> CellError {
    CellError(type: nil, message: message, range: range)
  }

  /// `AssertionError` alone when the message is empty, as Python's traceback prints it.
  public var description: String {
    guard let type else { return message }
    return message.isEmpty ? type : "\(type): \(message)"
  }
}
