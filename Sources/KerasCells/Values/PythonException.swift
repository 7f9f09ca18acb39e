/// A Python exception object of one of the built-in classes (`Builtins.exceptionBases`): what
/// `ValueError("bad size")` makes, `raise` raises and `except ValueError as error` binds.
public struct PythonException: Equatable {
  /// The class name, `ValueError`.
  public var type: String
  /// `error.args`.
  public var arguments: [Value]
  /// `str(error)`.
  public var message: String
  /// The error this exception was when it was raised and caught (`except ... as error`), with its
  /// traceback and chain: what `raise error` raises again and `raise ... from error` prints first.
  var raised: CellError?

  public static func == (lhs: PythonException, rhs: PythonException) -> Bool {
    lhs.type == rhs.type && lhs.message == rhs.message
  }

  /// An exception made in a cell, `KeyError("x")`: its text is CPython's `str()` of it.
  init(type: String, arguments: [Value]) {
    self.type = type
    self.arguments = arguments
    switch arguments.count {
    case 0: message = ""
    // `KeyError`'s text is the repr of its key.
    case 1 where type == "KeyError": message = PythonText.repr(arguments[0])
    case 1: message = PythonText.str(arguments[0])
    default: message = PythonText.repr(.tuple(arguments))
    }
  }

  /// The exception a caught `CellError` stands for.
  init(_ error: CellError) {
    type = error.type ?? "Exception"
    message = error.message
    arguments = error.arguments?.values ?? (error.message.isEmpty ? [] : [.string(error.message)])
    raised = error
  }

  /// The error that raising this exception at `range` reports.
  func error(at range: SourceRange) -> CellError {
    var error = CellError(type: type, message: message, range: range)
    error.arguments = ExceptionArguments(arguments)
    return error
  }

  /// `repr(error)`: `ValueError('bad size')`.
  var repr: String {
    let inner =
      arguments.count == 1
      ? PythonText.repr(arguments[0])
      : arguments.map { PythonText.repr($0) }.joined(separator: ", ")
    return "\(type)(\(inner))"
  }
}
