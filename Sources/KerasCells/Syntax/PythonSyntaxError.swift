/// A cell that cannot be run because of its syntax: either Python itself
/// would reject it, or it is valid Python that ConvBook deliberately does not
/// support (function definitions, `while` loops, ...).
///
/// Messages for Python's own errors use CPython 3.11's wording, and `range`
/// starts where CPython would put the caret.
public struct PythonSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Which family of error this is.
  public enum Kind: Hashable, Sendable {
    /// Python raises `SyntaxError`.
    case syntaxError
    /// Python raises `IndentationError`.
    case indentationError
    /// Python raises `TabError`.
    case tabError
    /// Python raises `RecursionError` while compiling: an expression nested more deeply than
    /// CPython's compiler accepts.
    case recursionError
    /// Valid Python outside the subset ConvBook runs. `construct` is a short
    /// name for it, such as `def`, `while`, `lambda *args` or `:=`, suitable
    /// for "'def' is not supported".
    case unsupported(construct: String)
  }

  /// Which family of error this is.
  public var kind: Kind
  /// The message, e.g. `'(' was never closed` or
  /// `function definitions (def) are not supported in ConvBook cells`.
  public var message: String
  /// The offending text; empty ranges mark a point.
  public var range: SourceRange

  /// Creates an error of `kind` with `message` at `range`.
  public init(_ kind: Kind, _ message: String, at range: SourceRange) {
    self.kind = kind
    self.message = message
    self.range = range
  }

  /// The exception class Python would show; unsupported constructs read as
  /// `SyntaxError` because to the learner they are the same kind of problem.
  public var pythonExceptionName: String {
    switch kind {
    case .syntaxError, .unsupported: "SyntaxError"
    case .indentationError: "IndentationError"
    case .tabError: "TabError"
    case .recursionError: "RecursionError"
    }
  }

  /// The unsupported construct's short name, or `nil` for errors Python would raise too.
  public var unsupportedConstruct: String? {
    if case .unsupported(let construct) = kind { return construct }
    return nil
  }

  /// A traceback-style report:
  ///
  ///     line 3
  ///         foo(
  ///            ^
  ///     SyntaxError: '(' was never closed
  public func report(source: String) -> String {
    let excerpt = SourceExcerpt(source: source, range: range)
    return
      "line \(range.start.line)\n    \(excerpt.lineText)\n    \(excerpt.caretLine)\n\(pythonExceptionName): \(message)"
  }

  /// CPython's generic error for a stray INDENT or DEDENT token, which it
  /// reports without looking at the rest of the source.
  var isUnexpectedIndentation: Bool {
    kind == .indentationError
      && (message == "unexpected indent" || message == "unexpected unindent")
  }

  /// `line:column: message`.
  public var description: String { "\(range.start): \(message)" }
}
