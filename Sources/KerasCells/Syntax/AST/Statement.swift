/// A statement of a cell. Only the statement forms ConvBook runs exist here;
/// everything else is rejected by the parser with a `PythonSyntaxError`.
public struct Statement: Hashable, Sendable {
  /// The shape of a statement.
  public enum Kind: Hashable, Sendable {
    /// An expression evaluated for its effect or, as a cell's last statement, its value.
    case expression(Expression)
    /// `t1 = t2 = value`. Targets are assigned left to right, each is a
    /// `.name`, `.attribute`, `.subscript`, or a `.tuple`/`.list` of targets
    /// that may contain one `.starred` target.
    case assignment(targets: [Expression], value: Expression)
    /// `target op= value`; the target is a `.name`, `.attribute` or `.subscript`.
    case augmentedAssignment(target: Expression, operation: BinaryOperator, value: Expression)
    /// `import a.b as c, d`.
    case importModules([ImportedModule])
    /// `from module import a as b, c` (parenthesized or not).
    case importNames(module: DottedName, names: [ImportedName])
    /// `from . import a` / `from ..module import b` (`level` dots): a script has no parent
    /// package, so Python raises ImportError when the statement runs (not before: inside a
    /// function that is never called it is harmless); a module of a package beside the script
    /// imports from that package (`ScriptModules`).
    case relativeImport(level: Int, module: DottedName?, names: [ImportedName])
    /// `for target in iterable:` with its body (the target has the same forms as an assignment
    /// target), and the `else:` block that runs when no `break` left the loop.
    case forLoop(
      target: Expression, iterable: Expression, body: [Statement], elseBody: [Statement]?)
    /// `if`/`elif` branches in order, then the `else` body if there is one.
    case ifStatement(branches: [ConditionalBranch], elseBody: [Statement]?)
    /// `pass`.
    case pass
    /// `def name(...): body`.
    case functionDefinition(FunctionDefinition)
    /// `return` or `return value` (only inside a `def`).
    case returnStatement(Expression?)
    /// `while condition: body`, with the `else:` block that runs when no `break` left it.
    case whileLoop(condition: Expression, body: [Statement], elseBody: [Statement]?)
    /// `break` (only inside a loop).
    case breakStatement
    /// `continue` (only inside a loop).
    case continueStatement
    /// `try:` with its `except` handlers, `else` and `finally` bodies.
    case tryStatement(
      body: [Statement], handlers: [ExceptHandler], elseBody: [Statement]?,
      finallyBody: [Statement]?)
    /// `del target, ...`; each target is a `.name`, `.attribute`, `.subscript` or a tuple/list of them.
    case delete([Expression])
    /// `raise`, `raise exception` or `raise exception from cause`.
    case raiseStatement(exception: Expression?, cause: Expression?)
    /// `global a, b` or `nonlocal a, b` (never `nonlocal` at a module's top level).
    case scopeDeclaration(nonlocal: Bool, names: [String])
    /// `assert condition` or `assert condition, message`.
    case assertStatement(condition: Expression, message: Expression?)
    /// `class Name(bases): body`.
    case classDefinition(ClassDefinition)
    /// `with a as b, c: body` (items in order; parenthesized item lists too).
    case withStatement(items: [WithItem], body: [Statement])
    /// `match subject:` and its `case` blocks, tried in order.
    case matchStatement(subject: Expression, cases: [MatchCase])
  }

  /// The shape of the statement.
  public var kind: Kind
  /// From the statement's first token to the end of its last one (for
  /// compound statements, the end of the last statement of the last body).
  public var range: SourceRange

  /// Creates a node.
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// `except`, `except ValueError`, `except (ValueError, TypeError) as error`.
public struct ExceptHandler: Hashable, Sendable {
  public var type: Expression?
  public var name: String?
  public var body: [Statement]
  public var range: SourceRange

  public init(type: Expression?, name: String?, body: [Statement], range: SourceRange) {
    self.type = type
    self.name = name
    self.body = body
    self.range = range
  }
}
