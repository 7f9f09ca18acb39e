import CNNEngine

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

  /// ConvBook's refusal to report when nothing catches this exception: an import of a module
  /// ConvBook lacks is Python's ModuleNotFoundError to an `except ImportError:` that guards it,
  /// and ConvBook's limitation otherwise.
  /// The Keras package that raised it, when a call of another package than the session's did
  /// (tf-keras in a Keras 3 session): its words are that package's (`KerasPackages`).
  public var kerasVersion: KerasVersion?
  public var limitation: String?

  /// Where Python's traceback points in the innermost frame, when that is not `range`: the call
  /// into Keras (or a built-in) that raised, where `range` may blame one of its arguments (the
  /// layer in `model.add(layers.Conv2D(4, 7))`).
  public var tracebackRange: SourceRange?

  /// What CPython 3.11's traceback marks inside `tracebackRange` when it is a binary operation
  /// (`~~~^~~~`: the operator) or a subscript (`~~~^^^^`: the brackets).
  public var tracebackAnchor: TracebackAnchor?

  /// The function the error was raised in (`conv_block`), or nil at the top level of the cell.
  public var function: String?
  /// The calls that led to `function`, outermost first: each one's call expression and the
  /// function it was made in (`<module>` at the top level), as Python's traceback lists them.
  public var callers: [TracebackFrame] = []

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

/// One call on the way to an error, for a traceback: the call expression and the function that
/// made it.
public struct TracebackFrame: Sendable, Equatable {
  public var range: SourceRange
  /// `<module>` for the top level, else the function's name.
  public var function: String

  public init(range: SourceRange, function: String) {
    self.range = range
    self.function = function
  }
}

/// How CPython 3.11 splits the carets of a binary operation or a subscript into `~` and `^`.
public enum TracebackAnchor: Sendable, Equatable {
  /// `left op right`: `^` under the operator, the first text after the left operand (and the
  /// character after it when that is not a space and comes before the right operand).
  case binary(leftEnd: SourceLocation, rightStart: SourceLocation)
  /// `base[index]`: `^` from the end of the base to just past the end of the index.
  case `subscript`(baseEnd: SourceLocation, indexEnd: SourceLocation)
}
