import BigInt

/// An expression node of the cell AST. Every node knows the source text it
/// came from, so the interpreter can point at exactly the sub-expression a
/// runtime error is about.
///
/// Following CPython, a parenthesized expression's range excludes the
/// parentheses, except for tuples and generator expressions whose
/// parentheses are part of the syntax.
public struct Expression: Hashable, Sendable {
  /// The shape of an expression.
  public indirect enum Kind: Hashable, Sendable {
    /// A variable reference such as `keras` or `x`.
    case name(String)
    /// An integer literal; `-1` is `.unary(.negate, .integer(1))` as in Python's AST.
    case integer(Int)
    /// An integer literal too large for 64 bits.
    case bigInteger(BigInt)
    /// A floating-point literal.
    case float(Double)
    /// A string literal, escapes decoded, adjacent literals already joined.
    case string(String)
    /// A bytes literal (`b'...'`).
    case bytes([UInt8])
    /// An f-string, split into literal text and `{...}` replacement fields.
    /// Adjacent plain strings are merged into its literal parts.
    case formattedString([FormattedStringPart])
    /// `True` or `False`.
    case boolean(Bool)
    /// `None`.
    case noneLiteral
    /// `...`.
    case ellipsis
    /// `(a, b)`, `a, b` or `()`; also the index of `x[1, 2]`.
    case tuple([Expression])
    /// `[a, b]`.
    case list([Expression])
    /// `{a, b}`.
    case set([Expression])
    /// `{k: v, **other}`.
    case dictionary([DictionaryEntry])
    /// `[e for ...]`, `{e for ...}` or `(e for ...)`.
    case comprehension(ComprehensionKind, element: Expression, clauses: [ComprehensionClause])
    /// `{k: v for ...}`.
    case dictionaryComprehension(key: Expression, value: Expression, clauses: [ComprehensionClause])
    /// `*x` inside a tuple, list or set display or an assignment target.
    /// (`*args` in a call is an `Argument` kind instead.)
    case starred(Expression)
    /// `base.name`; `nameRange` covers just `name`.
    case attribute(base: Expression, name: String, nameRange: SourceRange)
    /// `base[index]`. A slice index is `.slice`; `x[a, b:c]` has a `.tuple` index.
    case `subscript`(base: Expression, index: Expression)
    /// `lower:upper:step` with any part omitted; only ever a subscript index
    /// or an element of a subscript's tuple index.
    case slice(lower: Expression?, upper: Expression?, step: Expression?)
    /// `callee(arguments...)`.
    case call(callee: Expression, arguments: [Argument])
    /// `-x`, `+x`, `~x`, `not x`.
    case unary(UnaryOperator, Expression)
    /// `lhs op rhs` for arithmetic and bitwise operators.
    case binary(BinaryOperator, Expression, Expression)
    /// A comparison chain `first op1 a op2 b ...`, which Python evaluates as
    /// `first op1 a and a op2 b` with each operand evaluated once.
    case comparison(Expression, [ComparisonLink])
    /// `lhs and rhs` / `lhs or rhs`, short-circuiting. Chains nest to the left.
    case logical(LogicalOperator, Expression, Expression)
    /// `ifTrue if condition else ifFalse`.
    case conditional(condition: Expression, ifTrue: Expression, ifFalse: Expression)
    /// `lambda a, b=1: body`.
    case lambda(parameters: [LambdaParameter], body: Expression)
    /// `name := value`: binds `name` in the enclosing function (or module) and gives the value.
    case namedExpression(name: String, value: Expression)
    /// `yield` or `yield value` in a generator function.
    case yield(Expression?)
    /// `yield from iterable` in a generator function.
    case yieldFrom(Expression)
  }

  /// The shape of the expression.
  public var kind: Kind
  /// The source text of the expression.
  public var range: SourceRange

  /// Creates a node.
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}
