/// One lexical token of cell source, with its exact text and position.
public struct PythonToken: Hashable, Sendable, CustomStringConvertible {
  /// What kind of text a token is.
  public enum Kind: Hashable, Sendable {
    /// An identifier, including soft keywords such as `match` and `_`.
    case name
    /// A reserved word.
    case keyword(PythonKeyword)
    /// An integer literal in any base, underscores allowed: `11_574_090`, `0xFF`.
    case integer
    /// A floating-point literal: `1e-4`, `.5`, `2.`.
    case float
    /// An imaginary literal such as `1j`.
    case imaginary
    /// A string or bytes literal, prefix and quotes included in `text`.
    case string
    /// An f-string literal, kept whole as raw text; the parser splits it.
    case formattedString
    /// An operator or delimiter: `+`, `**=`, `(`, `,`, `->`, `...`.
    case `operator`
    /// A `#` comment up to, not including, the line break.
    /// Only `PythonTokenizer.highlightTokens(_:)` produces these.
    case comment
    /// The end of a logical line. In highlighting output, every line break.
    case newline
    /// The start of a more deeply indented block; `text` is the indentation.
    case indent
    /// The end of an indented block (zero width).
    case dedent
    /// The end of the source (zero width).
    case end
    /// Text that cannot start any token: a stray `$` or `?`, or, when
    /// highlighting, a malformed literal such as an unterminated string.
    case error
  }

  /// The kind of token.
  public var kind: Kind
  /// The exact source text of the token (empty for zero-width tokens).
  public var text: String
  /// Where the token is. For the parser's NEWLINE tokens this is an empty
  /// range at the line break, or the trailing comment if the line has one,
  /// because that is where CPython reports errors such as "expected ':'".
  public var range: SourceRange

  /// Scalar offsets into the tokenizer's buffer, for re-scanning f-strings.
  var scalarStart: Int
  var scalarEnd: Int
  /// How many brackets are open after this token; CPython only suggests a
  /// missing comma inside brackets.
  var bracketDepth: Int

  init(
    kind: Kind, text: String, range: SourceRange, scalarStart: Int, scalarEnd: Int,
    bracketDepth: Int
  ) {
    self.kind = kind
    self.text = text
    self.range = range
    self.scalarStart = scalarStart
    self.scalarEnd = scalarEnd
    self.bracketDepth = bracketDepth
  }

  /// Whether this is the operator or delimiter spelled `symbol`.
  public func isOperator(_ symbol: String) -> Bool {
    kind == .operator && text == symbol
  }

  /// Whether this is the reserved word `keyword`.
  public func isKeyword(_ keyword: PythonKeyword) -> Bool {
    kind == .keyword(keyword)
  }

  /// `kind "text" @range`, for test failures and debugging.
  public var description: String { "\(kind) \(text.debugDescription) @\(range)" }
}
