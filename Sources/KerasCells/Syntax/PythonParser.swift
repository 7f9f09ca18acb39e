/// Parses the Python subset of Keras tutorial cells into `Statement`s.
///
/// The parser is a recursive-descent rendition of CPython 3.11's grammar.
/// For code Python itself rejects it reports CPython's message at CPython's
/// position, including its second-pass hints ("Perhaps you forgot a
/// comma?"). Valid Python that ConvBook does not run is reported as
/// `PythonSyntaxError.Kind.unsupported`, but only once the whole cell has
/// parsed, so a genuine syntax error anywhere takes precedence, just as
/// CPython reports parse errors before compile-time ones such as
/// "'return' outside function".
public struct PythonParser {
  /// Parses a whole cell.
  public static func parse(_ source: String) throws(PythonSyntaxError) -> [Statement] {
    try withParser(for: source) { parser throws(PythonSyntaxError) in
      let statements = try parser.parseModule()
      try SyntaxDepth.check(statements)
      return statements
    }
  }

  /// Parses source that must be exactly one expression, as Python's `eval`
  /// does: exercise answers, figure arguments. `a, b` is a tuple; trailing
  /// comments and blank lines are fine.
  public static func parseExpression(_ source: String) throws(PythonSyntaxError) -> Expression {
    try withParser(for: source) { parser throws(PythonSyntaxError) in
      let expression = try parser.parseEvaluationInput()
      try SyntaxDepth.check(expression)
      return expression
    }
  }

  /// Parses on a `DeepStack` thread: nesting is bounded by CPython's limits, not by the caller's
  /// stack.
  private static func withParser<Output>(
    for source: String, _ parse: (inout PythonParser) throws(PythonSyntaxError) -> Output
  ) throws(PythonSyntaxError) -> Output {
    try DeepStack.run { () -> Result<Output, PythonSyntaxError> in
      do throws(PythonSyntaxError) {
        return .success(try parseOnCurrentThread(source, parse))
      } catch {
        return .failure(error)
      }
    }.get()
  }

  private static func parseOnCurrentThread<Output>(
    _ source: String, _ parse: (inout PythonParser) throws(PythonSyntaxError) -> Output
  ) throws(PythonSyntaxError) -> Output {
    let buffer = SourceBuffer(source)
    if let nullIndex = buffer.scalars.firstIndex(of: "\0") {
      throw PythonSyntaxError(
        .syntaxError, "source code string cannot contain null bytes",
        at: buffer.range(nullIndex, nullIndex + 1))
    }
    let output = PythonTokenizer.scan(buffer, scalarRange: 0..<buffer.count, mode: .module)
    var parser = PythonParser(
      buffer: buffer, tokens: output.tokens, unclosedBracket: output.unclosedBracket,
      tokenizerError: output.error)
    do {
      return try parse(&parser)
    } catch {
      if error == output.error || error.isUnexpectedIndentation { throw error }
      if let tokenizerError = output.error, output.errorOverridesParseErrors {
        throw tokenizerError
      }
      throw parser.preferringUnclosedBracket(over: error)
    }
  }

  let buffer: SourceBuffer
  let tokens: [PythonToken]
  var position = 0
  /// The innermost bracket still open where the tokens end, if any.
  let unclosedBracket: PythonToken?
  /// Raised when the parser reaches the final token, which marks where the
  /// tokenizer stopped.
  let tokenizerError: PythonSyntaxError?
  /// Errors CPython raises after parsing (compile-time errors) and
  /// unsupported constructs; the earliest is thrown if parsing succeeds.
  var deferredErrors: [PythonSyntaxError] = []
  var loopDepth = 0
  var lambdaDepth = 0
  /// How many `def` bodies enclose the current statement (`return` is valid inside one).
  var functionDepth = 0
  /// How many statement bodies (`if`, `for`, `def`, `class`, ...) enclose the current statement:
  /// a future statement inside one is a late one (`FutureImports`).
  var blockDepth = 0
  /// Whether each function body being parsed has a `yield` of its own, innermost last.
  var generatorMarks: [Bool] = []
  /// The names annotated directly in each class body being parsed, innermost last.
  var classAnnotations: [[String]] = []
  /// Levels of the self-recursive expression rules (`-x`, `not x`, `a if c else b`, `lambda`)
  /// currently open. Each adds a level to the tree, so passing `SyntaxDepth.maximumDepth` is
  /// CPython's RecursionError anyway; refusing here keeps the parser's own recursion bounded.
  var nestingDepth = 0
  /// CPython's second-pass "invalid_*" rules; off while speculatively
  /// parsing the operand of such a rule, as in CPython.
  var hintsEnabled = true
  /// Turns off just the hints of CPython's `expression` rule (missing
  /// comma, missing `else`), which CPython does not give for a dictionary's
  /// later keys.
  var expressionHintsEnabled = true
  /// A token the parser looked at beyond `position` before failing, which
  /// is where CPython (which remembers the furthest token read) reports.
  var furthestLookahead = 0
  /// The furthest token ever read, speculation included. CPython compares
  /// its line with an unclosed bracket's to decide which error to report.
  var furthestFetched = 0

  init(
    buffer: SourceBuffer, tokens: [PythonToken], unclosedBracket: PythonToken?,
    tokenizerError: PythonSyntaxError?
  ) {
    self.buffer = buffer
    self.tokens = tokens
    self.unclosedBracket = unclosedBracket
    self.tokenizerError = tokenizerError
  }

  // MARK: - Token cursor

  var current: PythonToken { tokens[position] }

  var previous: PythonToken { tokens[max(position - 1, 0)] }

  func token(after offset: Int) -> PythonToken { tokens[min(position + offset, tokens.count - 1)] }

  /// Looks ahead as the parser's own decisions do, recording how far it read.
  mutating func peek(_ offset: Int) -> PythonToken {
    furthestFetched = max(furthestFetched, min(position + offset, tokens.count - 1))
    return token(after: offset)
  }

  /// Moves to the next token. Reaching where the tokenizer failed raises
  /// its error, and reaching the end inside an open bracket is CPython's
  /// "'(' was never closed", whatever was being parsed.
  mutating func advance() throws(PythonSyntaxError) {
    if position < tokens.count - 1 { position += 1 }
    furthestFetched = max(furthestFetched, position)
    try checkForEndOfTokens()
  }

  func checkForEndOfTokens() throws(PythonSyntaxError) {
    guard current.kind == .end else { return }
    if let tokenizerError { throw tokenizerError }
    if let unclosedBracket { throw Self.neverClosedError(unclosedBracket) }
  }

  mutating func expectOperator(_ symbol: String) throws(PythonSyntaxError) -> PythonToken {
    guard current.isOperator(symbol) else { throw invalidSyntaxHere() }
    let token = current
    try advance()
    return token
  }

  mutating func expectName() throws(PythonSyntaxError) -> PythonToken {
    guard current.kind == .name else { throw invalidSyntaxHere() }
    let token = current
    try advance()
    return token
  }

  /// The range of the last token that covers text, skipping NEWLINE,
  /// INDENT and DEDENT, so compound statements end where their text ends.
  var lastContentRange: SourceRange {
    var index = position - 1
    while index >= 0 {
      switch tokens[index].kind {
      case .newline, .indent, .dedent, .end: index -= 1
      default: return tokens[index].range
      }
    }
    return current.range
  }

  struct Checkpoint {
    var position: Int
    var deferredErrorCount: Int
    var furthestLookahead: Int
  }

  var checkpoint: Checkpoint {
    Checkpoint(
      position: position, deferredErrorCount: deferredErrors.count,
      furthestLookahead: furthestLookahead)
  }

  mutating func restore(_ checkpoint: Checkpoint) {
    position = checkpoint.position
    deferredErrors.removeLast(deferredErrors.count - checkpoint.deferredErrorCount)
    furthestLookahead = checkpoint.furthestLookahead
  }

  /// Runs `parse` with hints off; on failure rewinds and returns `nil`.
  mutating func attempt<Result>(
    _ parse: (inout PythonParser) throws(PythonSyntaxError) -> Result
  ) throws(PythonSyntaxError) -> Result? {
    let saved = checkpoint
    let savedHints = hintsEnabled
    hintsEnabled = false
    defer { hintsEnabled = savedHints }
    do {
      return try parse(&self)
    } catch {
      if error == tokenizerError { throw error }
      if let unclosedBracket, error == Self.neverClosedError(unclosedBracket) { throw error }
      restore(saved)
      return nil
    }
  }

  mutating func attemptExpression() throws(PythonSyntaxError) -> Expression? {
    try attempt { parser throws(PythonSyntaxError) in try parser.parseExpression() }
  }

  mutating func attemptStarExpressions() throws(PythonSyntaxError) -> Expression? {
    try attempt { parser throws(PythonSyntaxError) in try parser.parseStarExpressions() }
  }

  mutating func attemptBitwiseOr() throws(PythonSyntaxError) -> Expression? {
    try attempt { parser throws(PythonSyntaxError) in try parser.parseBitwiseOr() }
  }

  mutating func attemptAtom() throws(PythonSyntaxError) -> Expression? {
    try attempt { parser throws(PythonSyntaxError) in try parser.parseAtom() }
  }

  mutating func attemptComprehensionClauses() throws(PythonSyntaxError) -> [ComprehensionClause]? {
    try attempt { parser throws(PythonSyntaxError) in try parser.parseComprehensionClauses() }
  }

  // MARK: - Errors

  static func neverClosedError(_ bracket: PythonToken) -> PythonSyntaxError {
    PythonSyntaxError(.syntaxError, "'\(bracket.text)' was never closed", at: bracket.range)
  }

  /// After a parse error CPython tokenizes the rest of the source, and an
  /// unclosed bracket wins if it was opened on an earlier line than the
  /// furthest token the parser had read.
  func preferringUnclosedBracket(over error: PythonSyntaxError) -> PythonSyntaxError {
    guard let unclosedBracket else { return error }
    guard unclosedBracket.range.start.line < tokens[furthestFetched].range.start.line else {
      return error
    }
    return Self.neverClosedError(unclosedBracket)
  }

  /// Whether `error` is the plain "invalid syntax" a PEG parser would
  /// backtrack from, as opposed to a specific diagnosis.
  func isGenericFailure(_ error: PythonSyntaxError) -> Bool {
    error.kind == .syntaxError && error.message == "invalid syntax" && error != tokenizerError
  }

  func syntaxError(_ message: String, at range: SourceRange) -> PythonSyntaxError {
    PythonSyntaxError(.syntaxError, message, at: range)
  }

  /// The generic error for a token no grammar rule accepts.
  func unexpected(_ token: PythonToken) -> PythonSyntaxError {
    switch token.kind {
    case .indent:
      // CPython's caret sits on the last character of the indentation.
      let location = buffer.location(at: token.scalarEnd - 1)
      return PythonSyntaxError(
        .indentationError, "unexpected indent", at: SourceRange(at: location))
    case .dedent:
      return PythonSyntaxError(.indentationError, "unexpected unindent", at: token.range)
    default:
      return syntaxError("invalid syntax", at: token.range)
    }
  }

  func invalidSyntaxHere() -> PythonSyntaxError {
    unexpected(tokens[min(max(position, furthestLookahead), tokens.count - 1)])
  }

  mutating func deferUnsupported(_ construct: String, _ description: String, at range: SourceRange)
  {
    let message = "\(description) are not supported in ConvBook cells"
    deferredErrors.append(
      PythonSyntaxError(.unsupported(construct: construct), message, at: range))
  }

  mutating func deferSyntaxError(_ message: String, at range: SourceRange) {
    deferredErrors.append(syntaxError(message, at: range))
  }

  // MARK: - Statements

  mutating func parseModule() throws(PythonSyntaxError) -> [Statement] {
    try checkForEndOfTokens()
    var statements: [Statement] = []
    while current.kind != .end {
      statements += try parseStatement()
    }
    deferredErrors += FutureImports.errors(in: statements)
    try throwEarliestDeferredError()
    return statements
  }

  mutating func parseEvaluationInput() throws(PythonSyntaxError) -> Expression {
    try checkForEndOfTokens()
    let expression = try parseStarExpressions()
    while current.kind == .newline || current.kind == .dedent { try advance() }
    guard current.kind == .end else { throw invalidSyntaxHere() }
    try throwEarliestDeferredError()
    return expression
  }

  private func throwEarliestDeferredError() throws(PythonSyntaxError) {
    if let first = deferredErrors.min(by: { $0.range.start < $1.range.start }) { throw first }
  }

  private static let unsupportedCompoundStatements:
    [PythonKeyword: (construct: String, description: String)] = [
      .async: ("async", "async functions and loops (async)")
    ]

  mutating func parseStatement() throws(PythonSyntaxError) -> [Statement] {
    let token = current
    switch token.kind {
    case .keyword(.if):
      return [try parseIfStatement()]
    case .keyword(.for):
      return [try parseForLoop()]
    case .keyword(.def):
      return [try parseFunctionDefinition()]
    case .keyword(.while):
      return [try parseWhileLoop()]
    case .keyword(.try):
      return [try parseTryStatement()]
    case .keyword(.class):
      return [try parseClassDefinition(decorators: [])]
    case .keyword(.with):
      return [try parseWithStatement()]
    case .keyword(let keyword) where Self.unsupportedCompoundStatements[keyword] != nil:
      let (construct, description) = Self.unsupportedCompoundStatements[keyword]!
      deferUnsupported(construct, description, at: token.range)
      try parseUnsupportedCompoundStatement()
      return []
    case .operator where token.text == "@":
      return try parseDecorated()
    case .name where token.text == "match" && isMatchStatement():
      return try parseMatchStatement()
    case .indent:
      throw unexpected(token)
    default:
      return try parseSimpleStatements()
    }
  }

  /// `match` is a soft keyword: it starts a statement only when the line
  /// ends in `:` and an indented `case` follows.
  private func isMatchStatement() -> Bool {
    var index = position
    while index < tokens.count && tokens[index].kind != .newline && tokens[index].kind != .end {
      index += 1
    }
    guard index > position, index + 2 < tokens.count, tokens[index - 1].isOperator(":") else {
      return false
    }
    return tokens[index + 1].kind == .indent && tokens[index + 2].kind == .name
      && tokens[index + 2].text == "case"
  }

  /// Reads an unsupported compound statement and the clauses that belong to
  /// it (`except`, `else`, `finally`) and discards them. Bodies are parsed
  /// for real, so mistakes inside them get Python's own errors; headers are
  /// only checked loosely.
  mutating func parseUnsupportedCompoundStatement() throws(PythonSyntaxError) {
    var keyword = current
    if keyword.isKeyword(.async) {
      try advance()
      guard current.isKeyword(.def) || current.isKeyword(.for) || current.isKeyword(.with) else {
        throw invalidSyntaxHere()
      }
      keyword = current
    }
    if keyword.isKeyword(.for) {
      _ = try parseForLoop()
      return
    }
    try parseUnsupportedClause()
    let continuations: [PythonKeyword]
    switch keyword.kind {
    case .keyword(.try): continuations = [.except, .else, .finally]
    case .keyword(.while): continuations = [.else]
    default: continuations = []
    }
    while case .keyword(let next) = current.kind, continuations.contains(next) {
      try parseUnsupportedClause()
    }
  }

  private mutating func parseUnsupportedClause() throws(PythonSyntaxError) {
    let keyword = current
    try advance()
    if keyword.isKeyword(.def) || keyword.isKeyword(.class) {
      _ = try expectName()
      if keyword.isKeyword(.def) && !current.isOperator("(") {
        throw syntaxError("expected '('", at: current.range)
      }
    }
    while !(current.isOperator(":") && current.bracketDepth == 0) {
      if current.kind == .newline { throw syntaxError("expected ':'", at: current.range) }
      try advance()
    }
    try advance()
    let construct: String
    switch keyword.kind {
    case .keyword(.def): construct = "function definition"
    case .keyword(.class): construct = "class definition"
    default: construct = "'\(keyword.text)' statement"
    }
    let savedLoopDepth = loopDepth
    if keyword.isKeyword(.while) { loopDepth += 1 }
    defer { loopDepth = savedLoopDepth }
    _ = try parseBlock(after: construct, onLine: keyword.range.start.line)
  }

  /// Skips a bracketed group that starts at the current token, returning its range (from the
  /// opening bracket to the one that closes it).
  private mutating func skipBracketedGroup() throws(PythonSyntaxError) -> SourceRange {
    let open = current.range
    var depth = 0
    repeat {
      if current.isOperator("(") || current.isOperator("[") || current.isOperator("{") {
        depth += 1
      } else if current.isOperator(")") || current.isOperator("]") || current.isOperator("}") {
        depth -= 1
      }
      let closing = current.range
      try advance()
      if depth == 0 { return open.union(closing) }
    } while current.kind != .end
    return open
  }

  mutating func parseSimpleStatements() throws(PythonSyntaxError) -> [Statement] {
    var statements: [Statement] = []
    while true {
      if let statement = try parseSimpleStatement() { statements.append(statement) }
      guard current.isOperator(";") else { break }
      try advance()
      if current.kind == .newline { break }
    }
    guard current.kind == .newline else { throw invalidSyntaxHere() }
    try advance()
    return statements
  }

  /// Returns `nil` for statements that are only parsed to be reported later.
  private mutating func parseSimpleStatement() throws(PythonSyntaxError) -> Statement? {
    let token = current
    switch token.kind {
    case .keyword(.pass):
      try advance()
      return Statement(.pass, range: token.range)
    case .keyword(.import):
      return try parseImport()
    case .keyword(.from):
      return try parseFromImport()
    case .keyword(.return):
      try advance()
      var value: Expression?
      if canStartExpression(current) || current.isOperator("*") {
        value = try parseStarExpressions()
      }
      guard functionDepth > 0 else {
        deferSyntaxError("'return' outside function", at: token.range.union(previous.range))
        return nil
      }
      return Statement(.returnStatement(value), range: token.range.union(previous.range))
    case .keyword(.yield):
      let yield = try parseYieldExpression()
      return Statement(.expression(yield), range: yield.range)
    case .keyword(.break), .keyword(.continue):
      try advance()
      if loopDepth > 0 {
        return Statement(
          token.isKeyword(.break) ? .breakStatement : .continueStatement, range: token.range)
      } else {
        deferSyntaxError(
          token.text == "break" ? "'break' outside loop" : "'continue' not properly in loop",
          at: token.range)
      }
      return nil
    case .keyword(.global), .keyword(.nonlocal):
      try advance()
      var names = [try expectName().text]
      while current.isOperator(",") {
        try advance()
        names.append(try expectName().text)
      }
      let isNonlocal = token.isKeyword(.nonlocal)
      let range = token.range.union(previous.range)
      if isNonlocal && functionDepth == 0 {
        deferSyntaxError("nonlocal declaration not allowed at module level", at: range)
        return nil
      }
      return Statement(.scopeDeclaration(nonlocal: isNonlocal, names: names), range: range)
    case .keyword(.raise):
      try advance()
      var exception: Expression?
      var cause: Expression?
      if canStartExpression(current) {
        exception = try parseExpression()
        if current.isKeyword(.from) {
          try advance()
          cause = try parseExpression()
        }
      }
      return Statement(
        .raiseStatement(exception: exception, cause: cause),
        range: token.range.union(previous.range))
    case .keyword(.del):
      try advance()
      let targets = try parseDeleteTargets()
      return Statement(.delete(targets), range: token.range.union(previous.range))
    case .keyword(.assert):
      try advance()
      let condition = try parseExpression()
      var message: Expression?
      if current.isOperator(",") {
        try advance()
        message = try parseExpression()
      }
      return Statement(
        .assertStatement(condition: condition, message: message),
        range: token.range.union(previous.range))
    default:
      return try parseExpressionStatement()
    }
  }

  /// `del a, b[0], c.d`: names, subscripts and attributes, or tuples and lists of them.
  private mutating func parseDeleteTargets() throws(PythonSyntaxError) -> [Expression] {
    let parsed = try parseStarExpressions()
    var targets: [Expression]
    if case .tuple(let items) = parsed.kind, !isParenthesized(parsed) {
      targets = items
    } else {
      targets = [parsed]
    }
    func check(_ target: Expression) throws(PythonSyntaxError) {
      switch target.kind {
      case .name, .attribute, .subscript: return
      case .tuple(let items), .list(let items):
        for item in items { try check(item) }
      default:
        throw syntaxError("cannot delete \(describe(target))", at: target.range)
      }
    }
    for target in targets { try check(target) }
    return targets
  }

  private static let augmentedAssignmentOperators: [String: BinaryOperator] = [
    "+=": .add, "-=": .subtract, "*=": .multiply, "/=": .divide, "//=": .floorDivide, "%=": .modulo,
    "**=": .power, "@=": .matrixMultiply, "<<=": .leftShift, ">>=": .rightShift, "&=": .bitwiseAnd,
    "|=": .bitwiseOr, "^=": .bitwiseXor,
  ]

  private mutating func parseExpressionStatement() throws(PythonSyntaxError) -> Statement? {
    let first = try parseStarExpressions()
    if current.isOperator("=") {
      return try parseAssignment(firstTarget: first)
    }
    if current.isOperator(":=") && hintsEnabled && !(isTuple(first) && !isParenthesized(first)) {
      try explainStatementLevelAssignmentExpression(target: first)
    }
    if current.kind == .operator, let operation = Self.augmentedAssignmentOperators[current.text] {
      switch first.kind {
      case .name, .attribute, .subscript:
        break
      default:
        // CPython explains the target only when a value follows.
        let saved = checkpoint
        try advance()
        let hasValue = try attemptStarExpressions() != nil
        restore(saved)
        guard hasValue else { throw invalidSyntaxHere() }
        throw syntaxError(
          "'\(describe(first))' is an illegal expression for augmented assignment", at: first.range)
      }
      try advance()
      let value =
        current.isKeyword(.yield) ? try parseYieldExpression() : try parseStarExpressions()
      return Statement(
        .augmentedAssignment(target: first, operation: operation, value: value),
        range: first.range.union(value.range))
    }
    if current.isOperator(":") {
      return try parseAnnotatedAssignment(target: first)
    }
    if case .starred = first.kind {
      deferSyntaxError("can't use starred expression here", at: first.range)
    }
    return Statement(.expression(first), range: first.range)
  }

  private func isTuple(_ expression: Expression) -> Bool {
    if case .tuple = expression.kind { return true }
    return false
  }

  /// `x := 1` is not a statement. CPython still reads the value, which may
  /// hold a better error, and names a target that could never be assigned.
  private mutating func explainStatementLevelAssignmentExpression(target: Expression)
    throws(PythonSyntaxError)
  {
    let saved = checkpoint
    try advance()
    var hasValue = true
    do {
      _ = try parseExpression()
    } catch {
      guard isGenericFailure(error) else { throw error }
      hasValue = false
    }
    restore(saved)
    if case .name = target.kind { throw invalidSyntaxHere() }
    guard hasValue else { throw invalidSyntaxHere() }
    throw syntaxError(
      "cannot use assignment expressions with \(describe(target))", at: target.range)
  }

  private mutating func parseAssignment(firstTarget: Expression) throws(PythonSyntaxError)
    -> Statement
  {
    var targets = [firstTarget]
    let firstEquals = checkpoint
    while true {
      try validateAssignmentTarget(
        targets.last!, firstTarget: firstTarget, firstEquals: firstEquals)
      try advance()
      let value =
        current.isKeyword(.yield) ? try parseYieldExpression() : try parseStarExpressions()
      if current.isOperator("=") {
        targets.append(value)
        continue
      }
      if case .starred = value.kind {
        deferSyntaxError("can't use starred expression here", at: value.range)
      }
      return Statement(
        .assignment(targets: targets, value: value), range: firstTarget.range.union(value.range))
    }
  }

  /// `x: int = 5` is the assignment `x = 5`; `x: int` alone binds nothing (nil). The annotation
  /// is parsed and not evaluated: Python evaluates it only outside functions, to store it in
  /// `__annotations__`, which cells do not keep.
  private mutating func parseAnnotatedAssignment(target: Expression) throws(PythonSyntaxError)
    -> Statement?
  {
    let colon = checkpoint
    try advance()
    var isValidTarget = true
    switch target.kind {
    case .name, .attribute, .subscript:
      break
    default:
      isValidTarget = false
    }
    // CPython only explains a bad target when an annotation follows.
    if !isValidTarget {
      do {
        _ = try parseExpression()
      } catch {
        guard isGenericFailure(error) else { throw error }
        restore(colon)
        throw invalidSyntaxHere()
      }
      if case .tuple = target.kind, !isParenthesized(target) {
        throw syntaxError("only single target (not tuple) can be annotated", at: target.range)
      }
      if case .list = target.kind {
        throw syntaxError("only single target (not list) can be annotated", at: target.range)
      }
      throw syntaxError("illegal target for annotation", at: target.range)
    }
    let annotation = try parseExpression()
    if case .name(let name) = target.kind, functionDepth == 0, !classAnnotations.isEmpty,
      !Self.isClassVariable(annotation),
      !classAnnotations[classAnnotations.count - 1].contains(name)
    {
      classAnnotations[classAnnotations.count - 1].append(name)
    }
    guard current.isOperator("=") else { return nil }
    try advance()
    let value =
      current.isKeyword(.yield) ? try parseYieldExpression() : try parseStarExpressions()
    return Statement(
      .assignment(targets: [target], value: value), range: target.range.union(value.range))
  }

  /// `ClassVar`, `ClassVar[int]`, `typing.ClassVar[...]`: a class attribute, no dataclass field.
  private static func isClassVariable(_ annotation: Expression) -> Bool {
    var base = annotation
    if case .subscript(let inner, _) = base.kind { base = inner }
    switch base.kind {
    case .name(let name): return name == "ClassVar"
    case .attribute(_, let name, _): return name == "ClassVar"
    default: return false
    }
  }

  // MARK: Imports

  private mutating func parseDottedName() throws(PythonSyntaxError) -> DottedName {
    let first = try expectName()
    var components = [first.text]
    while current.isOperator(".") {
      try advance()
      components.append(try expectName().text)
    }
    return DottedName(components: components, range: first.range.union(previous.range))
  }

  /// Parses `as NAME` if present.
  private mutating func parseAlias() throws(PythonSyntaxError) -> PythonToken? {
    guard current.isKeyword(.as) else { return nil }
    try advance()
    return try expectName()
  }

  private mutating func parseImport() throws(PythonSyntaxError) -> Statement {
    let importToken = current
    try advance()
    var modules: [ImportedModule] = []
    while true {
      let module = try parseDottedName()
      let alias = try parseAlias()
      modules.append(
        ImportedModule(
          module: module, alias: alias?.text, range: module.range.union(previous.range)))
      guard current.isOperator(",") else { break }
      try advance()
    }
    return Statement(.importModules(modules), range: importToken.range.union(previous.range))
  }

  private mutating func parseFromImport() throws(PythonSyntaxError) -> Statement? {
    let fromToken = current
    try advance()
    var relativeLevel = 0
    while current.isOperator(".") || current.isOperator("...") {
      relativeLevel += current.text.count
      try advance()
    }
    var module: DottedName?
    if current.kind == .name {
      module = try parseDottedName()
    } else if relativeLevel == 0 {
      throw invalidSyntaxHere()
    }
    guard current.isKeyword(.import) else { throw invalidSyntaxHere() }
    try advance()
    if current.isOperator("*") {
      let star = current
      try advance()
      let range = fromToken.range.union(previous.range)
      if functionDepth > 0 {
        deferSyntaxError("import * only allowed at module level", at: range)
        return nil
      }
      guard let module, relativeLevel == 0 else {
        return Statement(
          .relativeImport(
            level: relativeLevel, module: module,
            names: [ImportedName(name: "*", alias: nil, nameRange: star.range, range: star.range)]
          ), range: range)
      }
      return Statement(
        .importNames(
          module: module,
          names: [ImportedName(name: "*", alias: nil, nameRange: star.range, range: star.range)]),
        range: range)
    }
    let isParenthesized = current.isOperator("(")
    if isParenthesized { try advance() }
    var names: [ImportedName] = []
    while true {
      let nameToken = try expectName()
      let alias = try parseAlias()
      names.append(
        ImportedName(
          name: nameToken.text, alias: alias?.text, nameRange: nameToken.range,
          range: nameToken.range.union(previous.range)))
      guard current.isOperator(",") else { break }
      try advance()
      if isParenthesized && current.isOperator(")") { break }
      if !isParenthesized && current.kind == .newline {
        throw syntaxError(
          "trailing comma not allowed without surrounding parentheses", at: current.range)
      }
    }
    if isParenthesized { _ = try expectOperator(")") }
    let range = fromToken.range.union(previous.range)
    if blockDepth > 0, relativeLevel == 0, module?.components == ["__future__"] {
      deferSyntaxError(FutureImports.lateMessage, at: range)
    }
    guard let module, relativeLevel == 0 else {
      return Statement(
        .relativeImport(level: relativeLevel, module: module, names: names), range: range)
    }
    return Statement(.importNames(module: module, names: names), range: range)
  }

  // MARK: Compound statements

  mutating func expectBlockColon() throws(PythonSyntaxError) {
    if current.isOperator(":") {
      try advance()
      return
    }
    if current.kind == .newline {
      throw syntaxError("expected ':'", at: current.range)
    }
    throw invalidSyntaxHere()
  }

  /// CPython's grammar forces a `:` after `else`, whatever follows.
  private mutating func expectElseColon() throws(PythonSyntaxError) {
    guard current.isOperator(":") else { throw syntaxError("expected ':'", at: current.range) }
    try advance()
  }

  /// The body after a `:`, either an indented block or simple statements on
  /// the same line. `construct` names the header in CPython's words, such as
  /// `'for' statement` or `function definition`.
  mutating func parseBlock(after construct: String, onLine line: Int)
    throws(PythonSyntaxError) -> [Statement]
  {
    blockDepth += 1
    defer { blockDepth -= 1 }
    guard current.kind == .newline else { return try parseSimpleStatements() }
    let newline = current
    try advance()
    guard current.kind == .indent else {
      // CPython's caret: the header's line end if the source ends here, the
      // last indentation character of a dedented line, else the next token.
      var range = current.range
      if current.kind == .end || (current.kind == .dedent && current.scalarStart >= buffer.count) {
        range = newline.range
      } else if current.kind == .dedent {
        let lineStart = buffer.location(at: current.scalarStart)
        let indentation = lineStart.column - 1
        if indentation > 0 { range = SourceRange(at: buffer.location(at: current.scalarStart - 1)) }
      }
      throw PythonSyntaxError(
        .indentationError, "expected an indented block after \(construct) on line \(line)",
        at: range)
    }
    try advance()
    var body: [Statement] = []
    while current.kind != .dedent && current.kind != .end {
      body += try parseStatement()
    }
    if current.kind == .dedent { try advance() }
    return body
  }

  private mutating func parseForLoop() throws(PythonSyntaxError) -> Statement {
    let forToken = current
    try advance()
    let target = try parseForTarget()
    let iterable = try parseStarExpressions()
    if case .starred = iterable.kind {
      deferSyntaxError("can't use starred expression here", at: iterable.range)
    }
    try expectBlockColon()
    loopDepth += 1
    let body = try parseBlock(after: "'for' statement", onLine: forToken.range.start.line)
    loopDepth -= 1
    let elseBody = try parseLoopElse()
    return Statement(
      .forLoop(target: target, iterable: iterable, body: body, elseBody: elseBody),
      range: forToken.range.union(lastContentRange))
  }

  /// `, B, C [as name]:` (at least one more type) after an except clause's first type: the range from `first` to the last
  /// type, when the clause reads so up to its colon; anything else fails (and is rewound).
  private mutating func unparenthesizedExceptTypes(after first: Expression)
    throws(PythonSyntaxError) -> SourceRange
  {
    try advance()
    var end = try parseExpression().range
    while current.isOperator(",") {
      end = current.range
      try advance()
      if current.isOperator(":") || current.isKeyword(.as) { break }
      end = try parseExpression().range
    }
    if current.isKeyword(.as) {
      try advance()
      end = try expectName().range
    }
    guard current.isOperator(":") else { throw invalidSyntaxHere() }
    return first.range.union(end)
  }

  private mutating func parseTryStatement() throws(PythonSyntaxError) -> Statement {
    let tryToken = current
    try advance()
    try expectBlockColon()
    let body = try parseBlock(after: "'try' statement", onLine: tryToken.range.start.line)
    var handlers: [ExceptHandler] = []
    while current.isKeyword(.except) {
      let exceptToken = current
      try advance()
      if current.isOperator("*") {
        // Python 3.11's `except* ValueError:` handles exception groups, which ConvBook lacks.
        deferUnsupported(
          "except*", "exception groups (except*)", at: exceptToken.range.union(current.range))
        try advance()
      }
      var type: Expression?
      var name: String?
      if !current.isOperator(":") {
        type = try parseExpression()
        if current.isOperator(","), let type,
          let tuple = try attempt({ parser throws(PythonSyntaxError) in
            try parser.unparenthesizedExceptTypes(after: type)
          })
        {
          // Python 2's `except ValueError, error:` (CPython's `invalid_except_stmt`).
          throw syntaxError("multiple exception types must be parenthesized", at: tuple)
        }
        if current.isKeyword(.as) {
          try advance()
          name = try expectName().text
        }
      }
      try expectBlockColon()
      let handlerBody = try parseBlock(
        after: "'except' statement", onLine: exceptToken.range.start.line)
      handlers.append(
        ExceptHandler(
          type: type, name: name, body: handlerBody,
          range: exceptToken.range.union(lastContentRange)))
    }
    var elseBody: [Statement]?
    if !handlers.isEmpty && current.isKeyword(.else) {
      let elseToken = current
      try advance()
      try expectElseColon()
      elseBody = try parseBlock(after: "'else' statement", onLine: elseToken.range.start.line)
    }
    var finallyBody: [Statement]?
    if current.isKeyword(.finally) {
      let finallyToken = current
      try advance()
      try expectBlockColon()
      finallyBody = try parseBlock(
        after: "'finally' statement", onLine: finallyToken.range.start.line)
    }
    guard !handlers.isEmpty || finallyBody != nil else {
      throw syntaxError("expected 'except' or 'finally' block", at: current.range)
    }
    return Statement(
      .tryStatement(
        body: body, handlers: handlers, elseBody: elseBody, finallyBody: finallyBody),
      range: tryToken.range.union(lastContentRange))
  }

  private mutating func parseWhileLoop() throws(PythonSyntaxError) -> Statement {
    let whileToken = current
    try advance()
    let condition = try parseNamedExpression()
    try expectBlockColon()
    loopDepth += 1
    let body = try parseBlock(after: "'while' statement", onLine: whileToken.range.start.line)
    loopDepth -= 1
    let elseBody = try parseLoopElse()
    return Statement(
      .whileLoop(condition: condition, body: body, elseBody: elseBody),
      range: whileToken.range.union(lastContentRange))
  }

  /// The `else:` block of a `for` or `while` loop, if it has one (outside the loop: a `break`
  /// there belongs to an enclosing loop).
  private mutating func parseLoopElse() throws(PythonSyntaxError) -> [Statement]? {
    guard current.isKeyword(.else) else { return nil }
    let elseToken = current
    try advance()
    try expectElseColon()
    return try parseBlock(after: "'else' statement", onLine: elseToken.range.start.line)
  }

  /// `def name(a, b=1, *args, k, **kwargs) -> annotation:` and its body. Annotations are kept for
  /// the `def` to evaluate, as Python does; nothing else reads them.
  mutating func parseFunctionDefinition(decorators: [Expression] = []) throws(PythonSyntaxError)
    -> Statement
  {
    let defToken = current
    try advance()
    let name = try expectName()
    guard current.isOperator("(") else { throw syntaxError("expected '('", at: current.range) }
    try advance()
    var parameters: [FunctionParameter] = []
    var names: Set<String> = []
    var sawDefault = false
    var afterStar = false
    var annotations: [Expression] = []
    while !current.isOperator(")") {
      let start = current
      var kind: FunctionParameter.Kind = afterStar ? .keywordOnly : .positional
      if current.isOperator("/") {
        try advance()
        deferUnsupported("/", "positional-only parameters ('/')", at: start.range)
      } else {
        if current.isOperator("*") {
          try advance()
          afterStar = true
          if current.isOperator(",") || current.isOperator(")") {
            try advance()
            continue
          }
          kind = .variadic
        } else if current.isOperator("**") {
          try advance()
          kind = .variadicKeywords
        }
        if kind == .positional, current.isOperator("(") {
          // Python 2's tuple parameters (`def f(x, (a, b)):`).
          throw syntaxError(
            "Function parameters cannot be parenthesized", at: try skipBracketedGroup())
        }
        let parameterName = try expectName()
        if current.isOperator(":") {
          try advance()
          annotations.append(try parseExpression())
        }
        var defaultValue: Expression?
        if current.isOperator("=") && (kind == .positional || kind == .keywordOnly) {
          try advance()
          defaultValue = try parseExpression()
          if kind == .positional { sawDefault = true }
        } else if kind == .positional && sawDefault {
          throw syntaxError(
            "non-default argument follows default argument", at: parameterName.range)
        }
        if !names.insert(parameterName.text).inserted {
          deferSyntaxError(
            "duplicate argument '\(parameterName.text)' in function definition",
            at: parameterName.range)
        }
        parameters.append(
          FunctionParameter(
            name: parameterName.text, kind: kind, defaultValue: defaultValue,
            range: start.range.union(previous.range)))
      }
      if current.isOperator(",") {
        try advance()
      } else if !current.isOperator(")") {
        throw invalidSyntaxHere()
      }
    }
    try advance()
    if current.isOperator("->") {
      try advance()
      annotations.append(try parseExpression())
    }
    try expectBlockColon()
    let savedLoopDepth = loopDepth
    loopDepth = 0
    functionDepth += 1
    generatorMarks.append(false)
    let body = try parseBlock(after: "function definition", onLine: defToken.range.start.line)
    let isGenerator = generatorMarks.removeLast()
    functionDepth -= 1
    loopDepth = savedLoopDepth
    return Statement(
      .functionDefinition(
        FunctionDefinition(
          name: name.text, nameRange: name.range, parameters: parameters, body: body,
          decorators: decorators, isGenerator: isGenerator, annotations: annotations)),
      range: defToken.range.union(lastContentRange))
  }

  private mutating func parseIfStatement() throws(PythonSyntaxError) -> Statement {
    let ifToken = current
    var branches: [ConditionalBranch] = []
    repeat {
      let keyword = current
      try advance()
      let condition = try parseNamedExpression()
      try expectBlockColon()
      let body = try parseBlock(
        after: "'\(keyword.text)' statement", onLine: keyword.range.start.line)
      branches.append(
        ConditionalBranch(
          condition: condition, body: body, range: keyword.range.union(lastContentRange)))
    } while current.isKeyword(.elif)
    var elseBody: [Statement]?
    if current.isKeyword(.else) {
      let elseToken = current
      try advance()
      try expectElseColon()
      elseBody = try parseBlock(after: "'else' statement", onLine: elseToken.range.start.line)
    }
    return Statement(
      .ifStatement(branches: branches, elseBody: elseBody),
      range: ifToken.range.union(lastContentRange))
  }
}
