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

  /// A syntax error of the cell's own source, found before any of it ran: CPython prints a
  /// script's one as `File "NAME.py", line N` with the line and carets, and no traceback.
  public var isCompileError = false
  /// A compile error CPython reports without a place (a source file that is neither UTF-8 nor
  /// declares its encoding): `python NAME.py` prints only `SyntaxError: message`. For an
  /// exception raised and handled inside Keras' own code (the context of a chained error), no
  /// frame of the script's: its traceback is the header and its last line.
  public var hasNoPlace = false
  /// The function the error was raised in (`conv_block`), or nil at the top level of the cell.
  public var function: String?
  /// The calls that led to `function`, outermost first: each one's call expression and the
  /// function it was made in (`<module>` at the top level), as Python's traceback lists them.
  public var callers: [TracebackFrame] = []

  /// The exception Python prints before this one: the one being handled when this one was raised
  /// (`__context__`, "During handling of the above exception, another exception occurred:") or
  /// the one `raise ... from` named (`__cause__`, "The above exception was the direct cause of the
  /// following exception:").
  public var chained: ChainedError?
  /// `raise ... from ...` (`__suppress_context__`): the exception being handled is not printed.
  public var suppressesContext = false
  /// The exception being handled when `raise ... from ...` raised this one (`__context__`), which
  /// Python keeps but does not print.
  var suppressedContext: ChainedError?
  /// `error.args` where they are not the message (`raise ValueError("bad", 3)`, a dict's missing
  /// key), for `except ... as error`.
  var arguments: ExceptionArguments?

  /// Which exception object this is, once an `except` has seen it (the cell's index and a count):
  /// `raise error` raises the same object again, which `is` tells apart from an equal new one.
  var identity: Int?

  /// Records `handled` as this exception's context, as Python does when an exception is raised
  /// while another is handled; not when it is that exception itself (a re-raise), when it has a
  /// context or a cause already, or for ConvBook's own stops (not Python exceptions).
  mutating func noteRaised(whileHandling handled: CellError) {
    guard type != nil, chained == nil, !suppressesContext, !isSameException(as: handled) else {
      return
    }
    chained = ChainedError(handled, isCause: false)
  }

  /// Whether `other` is this exception raised again (`raise`, `raise error`): the same class and
  /// text raised at the same place.
  func isSameException(as other: CellError) -> Bool {
    if let identity, let otherIdentity = other.identity { return identity == otherIdentity }
    return type == other.type && message == other.message && range == other.range
  }

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

  /// A missing key: `KeyError: 'units'`, whose `args` is the key itself.
  static func keyError(_ key: Value, range: SourceRange) -> CellError {
    var error = CellError(type: "KeyError", message: PythonText.repr(key), range: range)
    error.arguments = ExceptionArguments([key])
    return error
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

/// An earlier exception printed before the one that holds it (see `CellError.chained`).
public final class ChainedError: Sendable, Equatable {
  public let error: CellError
  /// `raise ... from error` (`__cause__`) rather than an exception being handled (`__context__`).
  public let isCause: Bool
  /// False for a cause that was made but never raised (`raise B from A("...")`): Python prints
  /// only its `Type: message` line.
  public let wasRaised: Bool

  init(_ error: CellError, isCause: Bool, wasRaised: Bool = true) {
    self.error = error
    self.isCause = isCause
    self.wasRaised = wasRaised
  }

  public static func == (lhs: ChainedError, rhs: ChainedError) -> Bool {
    lhs.error == rhs.error && lhs.isCause == rhs.isCause && lhs.wasRaised == rhs.wasRaised
  }

  /// CPython's line between the two tracebacks.
  public var separator: String {
    isCause
      ? "The above exception was the direct cause of the following exception:"
      : "During handling of the above exception, another exception occurred:"
  }
}

/// The values an exception was raised with. A cell's values live on the thread that runs the
/// cell; an error carries them back to an `except` of the same run only.
final class ExceptionArguments: @unchecked Sendable, Equatable {
  let values: [Value]

  init(_ values: [Value]) { self.values = values }

  static func == (lhs: ExceptionArguments, rhs: ExceptionArguments) -> Bool {
    PythonText.repr(.tuple(lhs.values)) == PythonText.repr(.tuple(rhs.values))
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
