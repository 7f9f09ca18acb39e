/// Why a cell stopped: a Python or Keras exception, a syntax error, or a construct ConvBook does not
/// support; with the range in the cell's source it is about.
public struct CellError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Python's exception class (`ValueError`, `SyntaxError`, `NameError`), or nil for ConvBook's own
  /// "not supported" messages.
  public var type: String?
  public var message: String
  /// Where in the cell: the layer Keras blamed, the expression that failed.
  public var range: SourceRange

  public init(type: String?, message: String, range: SourceRange) {
    self.type = type
    self.message = message
    self.range = range
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
