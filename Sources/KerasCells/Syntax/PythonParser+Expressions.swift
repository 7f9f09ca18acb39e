import BigInt

/// Expressions, from lowest to highest precedence, following CPython 3.11's
/// grammar rule names (`star_expressions`, `disjunction`, `bitwise_or`, ...).
extension PythonParser {
  /// From `start` to the last token read: like CPython, a node's range
  /// starts at its rule's first token, so `(a) + b` starts at `(`.
  func span(from start: PythonToken) -> SourceRange {
    start.range.union(previous.range)
  }

  func canStartExpression(_ token: PythonToken) -> Bool {
    switch token.kind {
    case .name, .integer, .float, .imaginary, .string, .formattedString:
      return true
    case .keyword(let keyword):
      return [.not, .lambda, .await, .true, .false, .none].contains(keyword)
    case .operator:
      return ["(", "[", "{", "-", "+", "~", "..."].contains(token.text)
    default:
      return false
    }
  }

  /// `a`, or the unparenthesized tuple `a, *b, c,`.
  mutating func parseStarExpressions() throws(PythonSyntaxError) -> Expression {
    let startToken = current
    let first = try parseStarExpression()
    guard current.isOperator(",") else { return first }
    var items = [first]
    while current.isOperator(",") {
      try advance()
      guard canStartExpression(current) || current.isOperator("*") else { break }
      items.append(try parseStarExpression())
    }
    return Expression(.tuple(items), range: span(from: startToken))
  }

  private mutating func parseStarExpression() throws(PythonSyntaxError) -> Expression {
    guard current.isOperator("*") else { return try parseExpression() }
    return try parseStarred()
  }

  /// An element of a list, set, tuple or subscript.
  mutating func parseStarNamedExpression() throws(PythonSyntaxError) -> Expression {
    guard current.isOperator("*") else { return try parseNamedExpression() }
    return try parseStarred()
  }

  private mutating func parseStarred() throws(PythonSyntaxError) -> Expression {
    let star = current
    try advance()
    let inner = try parseBitwiseOr()
    return Expression(.starred(inner), range: star.range.union(inner.range))
  }

  /// An expression where `:=` is allowed, and where a stray `=` earns
  /// CPython's "Maybe you meant '=='" hints.
  mutating func parseNamedExpression() throws(PythonSyntaxError) -> Expression {
    if current.kind == .name && peek(1).isOperator(":=") {
      return try parseAssignmentExpression()
    }
    let expression = try parseExpression()
    if current.isOperator(":=") && hintsEnabled {
      throw syntaxError(
        "cannot use assignment expressions with \(describe(expression))", at: expression.range)
    }
    if current.isOperator("=") && hintsEnabled, let hint = try namedExpressionHint(for: expression)
    {
      throw hint
    }
    return expression
  }

  /// `name := value`.
  private mutating func parseAssignmentExpression() throws(PythonSyntaxError) -> Expression {
    let name = current
    try advance()
    try advance()
    let value = try parseExpression()
    return Expression(
      .namedExpression(name: name.text, value: value), range: name.range.union(value.range))
  }

  /// `yield`, `yield value` or `yield from value`: in a function's own body it makes the
  /// function a generator; in a lambda it is ConvBook's limitation, elsewhere CPython's error.
  mutating func parseYieldExpression() throws(PythonSyntaxError) -> Expression {
    let yieldToken = current
    try advance()
    var range = yieldToken.range
    var kind = Expression.Kind.yield(nil)
    if current.isKeyword(.from) {
      try advance()
      let source = try parseExpression()
      range = range.union(source.range)
      kind = .yieldFrom(source)
    } else if canStartExpression(current) || current.isOperator("*") {
      let value = try parseStarExpressions()
      range = range.union(value.range)
      kind = .yield(value)
    }
    if lambdaDepth == 0, functionDepth > 0, !generatorMarks.isEmpty {
      generatorMarks[generatorMarks.count - 1] = true
      return Expression(kind, range: range)
    }
    if lambdaDepth > 0 || functionDepth > 0 {
      deferUnsupported("yield", "generator functions (yield)", at: range)
    } else {
      deferSyntaxError("'yield' outside function", at: range)
    }
    return Expression(.noneLiteral, range: range)
  }

  /// A full expression: conditional, lambda or anything tighter.
  /// Counts one level of a self-recursive rule; see `nestingDepth`.
  mutating func enterNesting() throws(PythonSyntaxError) {
    nestingDepth += 1
    if nestingDepth > SyntaxDepth.maximumDepth { throw SyntaxDepth.error(at: current.range) }
  }

  mutating func parseExpression() throws(PythonSyntaxError) -> Expression {
    try enterNesting()
    defer { nestingDepth -= 1 }
    if current.isKeyword(.lambda) { return try parseLambda() }
    let startPosition = position
    let startToken = current
    let body = try parseDisjunction()
    if current.isKeyword(.if) {
      let ifPosition = checkpoint
      try advance()
      let condition = try parseConditionalTest(after: body)
      guard current.isKeyword(.else) else {
        if hintsEnabled && expressionHintsEnabled && !current.isOperator(":") {
          throw syntaxError(
            "expected 'else' after 'if' expression", at: body.range.union(condition.range))
        }
        guard hintsEnabled else {
          // Ordered choice: without `else` the expression is just the body.
          let failure = checkpoint
          restore(ifPosition)
          furthestLookahead = max(furthestLookahead, failure.position)
          return body
        }
        throw invalidSyntaxHere()
      }
      try advance()
      let otherwise = try parseExpression()
      return Expression(
        .conditional(condition: condition, ifTrue: body, ifFalse: otherwise),
        range: span(from: startToken))
    }
    if hintsEnabled && expressionHintsEnabled {
      try checkForMissingSeparator(after: body, startingAt: startPosition)
    }
    return body
  }

  /// The test of `body if test else ...`. Where the test fails to parse,
  /// CPython's PEG parser backtracks to its longest valid prefix and then
  /// complains about the missing `else`; this reproduces that.
  private mutating func parseConditionalTest(after body: Expression) throws(PythonSyntaxError)
    -> Expression
  {
    let start = checkpoint
    do throws(PythonSyntaxError) {
      return try parseDisjunction()
    } catch {
      guard hintsEnabled && isGenericFailure(error) else { throw error }
      let failure = checkpoint
      restore(start)
      if let prefix = try parseLongestValidPrefix(),
        !current.isKeyword(.else) && !current.isOperator(":")
      {
        throw syntaxError(
          "expected 'else' after 'if' expression", at: body.range.union(prefix.range))
      }
      restore(failure)
      throw error
    }
  }

  /// Where an operand fails to parse, a PEG parser backtracks to the
  /// longest expression that does parse, often just an atom.
  mutating func parseLongestValidPrefix(allowingConditional: Bool = false) throws(PythonSyntaxError)
    -> Expression?
  {
    if allowingConditional, let expression = try attemptExpression() {
      return expression
    }
    if let expression = try attemptBitwiseOr() {
      return expression
    }
    return try attemptAtom()
  }

  /// CPython 3.11 compares a name with its soft keywords using the name's
  /// length, so any prefix of `match` or `case` counts, which changes which
  /// error it reports.
  private func isSoftKeyword(_ token: PythonToken) -> Bool {
    guard token.kind == .name, !token.text.isEmpty else { return false }
    return token.text == "_" || "match".hasPrefix(token.text) || "case".hasPrefix(token.text)
  }

  /// Two expressions in a row are always an error. CPython explains the
  /// two common causes: a Python 2 `print` statement, and (inside
  /// brackets) a forgotten comma.
  private mutating func checkForMissingSeparator(
    after expression: Expression, startingAt start: Int
  )
    throws(PythonSyntaxError)
  {
    guard canStartExpression(current) else { return }
    let first = tokens[start]
    let isSingleName = first.kind == .name && position == start + 1
    let isLegacyStatement = isSingleName && (first.text == "print" || first.text == "exec")
    let second = tokens[start + 1]
    let startsWithNameAndString =
      first.kind == .name && (second.kind == .string || second.kind == .formattedString)
    let saved = checkpoint
    if !isLegacyStatement && !startsWithNameAndString && !isSoftKeyword(first) {
      // Like CPython, accept whatever prefix of the next expression parses.
      if let next = try parseLongestValidPrefix(allowingConditional: true) {
        let isInsideBrackets = previous.bracketDepth > 0
        restore(saved)
        if isInsideBrackets {
          throw syntaxError(
            "invalid syntax. Perhaps you forgot a comma?", at: expression.range.union(next.range))
        }
      }
    }
    guard isSingleName && !current.isOperator("(") else { return }
    // CPython's rule for Python 2 `print x` reads what follows a name with
    // its hints on, so they can fire there too.
    let arguments: Expression
    do {
      arguments = try parseStarExpressions()
    } catch {
      guard isGenericFailure(error) else { throw error }
      restore(saved)
      return
    }
    restore(saved)
    if isLegacyStatement {
      throw syntaxError(
        "Missing parentheses in call to '\(first.text)'. Did you mean \(first.text)(...)?",
        at: expression.range.union(arguments.range))
    }
  }

  private mutating func parseLambda() throws(PythonSyntaxError) -> Expression {
    let lambdaToken = current
    try advance()
    var parameters: [LambdaParameter] = []
    var names: Set<String> = []
    var sawDefault = false
    var kind = FunctionParameter.Kind.positional
    while !current.isOperator(":") {
      if current.isOperator("/") {
        let marker = current
        try advance()
        deferUnsupported(
          "lambda /", "'/' lambda parameters", at: marker.range.union(previous.range))
      } else if current.isOperator("*") || current.isOperator("**") {
        let marker = current
        try advance()
        // `*` alone makes the rest keyword-only; `*args` and `**kwargs` collect the extra arguments.
        if marker.text == "*" && current.kind != .name {
          kind = .keywordOnly
        } else {
          let name = try expectName()
          if !names.insert(name.text).inserted {
            deferSyntaxError(
              "duplicate argument '\(name.text)' in function definition", at: name.range)
          }
          parameters.append(
            LambdaParameter(
              name: name.text, defaultValue: nil, range: marker.range.union(name.range),
              kind: marker.text == "*" ? .variadic : .variadicKeywords))
          kind = .keywordOnly
        }
      } else {
        let name = try expectName()
        var defaultValue: Expression?
        if current.isOperator("=") {
          try advance()
          defaultValue = try parseExpression()
          sawDefault = true
        } else if sawDefault && kind == .positional && hintsEnabled {
          throw syntaxError("non-default argument follows default argument", at: name.range)
        }
        if !names.insert(name.text).inserted {
          deferSyntaxError(
            "duplicate argument '\(name.text)' in function definition", at: name.range)
        }
        parameters.append(
          LambdaParameter(
            name: name.text, defaultValue: defaultValue, range: name.range.union(previous.range),
            kind: kind))
      }
      if current.isOperator(",") {
        try advance()
      } else if !current.isOperator(":") {
        throw invalidSyntaxHere()
      }
    }
    try advance()
    lambdaDepth += 1
    defer { lambdaDepth -= 1 }
    let body = try parseExpression()
    return Expression(
      .lambda(parameters: parameters, body: body), range: lambdaToken.range.union(body.range))
  }

  // MARK: - Boolean logic and comparisons

  /// CPython keeps `a or b or c ...` as one flat node, so a chain of any length compiles. Our tree
  /// is binary; a long chain is rebuilt balanced (`and`/`or` are associative, short-circuiting
  /// included), keeping its depth logarithmic. Nil for chains short enough to stay as written.
  static func balancedChain(_ operation: LogicalOperator, _ operands: [Expression]) -> Expression? {
    guard operands.count > 64 else { return nil }
    func build(_ slice: ArraySlice<Expression>) -> Expression {
      if slice.count == 1 { return slice.first! }
      let middle = slice.startIndex + slice.count / 2
      let left = build(slice[..<middle])
      let right = build(slice[middle...])
      return Expression(.logical(operation, left, right), range: left.range.union(right.range))
    }
    return build(operands[...])
  }

  mutating func parseDisjunction() throws(PythonSyntaxError) -> Expression {
    let startToken = current
    var lhs = try parseConjunction()
    var operands = [lhs]
    while current.isKeyword(.or),
      let rhs = try parseRightOperand({ parser throws(PythonSyntaxError) in
        try parser.parseConjunction()
      })
    {
      operands.append(rhs)
      // A long chain is rebuilt balanced below; do not build its deep form.
      if operands.count <= 65 {
        lhs = Expression(.logical(.or, lhs, rhs), range: span(from: startToken))
      }
    }
    return Self.balancedChain(.or, operands) ?? lhs
  }

  private mutating func parseConjunction() throws(PythonSyntaxError) -> Expression {
    let startToken = current
    var lhs = try parseInversion()
    var operands = [lhs]
    while current.isKeyword(.and),
      let rhs = try parseRightOperand({ parser throws(PythonSyntaxError) in
        try parser.parseInversion()
      })
    {
      operands.append(rhs)
      // A long chain is rebuilt balanced below; do not build its deep form.
      if operands.count <= 65 {
        lhs = Expression(.logical(.and, lhs, rhs), range: span(from: startToken))
      }
    }
    return Self.balancedChain(.and, operands) ?? lhs
  }

  private mutating func parseInversion() throws(PythonSyntaxError) -> Expression {
    guard current.isKeyword(.not) else { return try parseComparison() }
    let notToken = current
    try advance()
    try enterNesting()
    defer { nestingDepth -= 1 }
    let operand = try parseInversion()
    return Expression(.unary(.not, operand), range: notToken.range.union(operand.range))
  }

  private mutating func parseComparison() throws(PythonSyntaxError) -> Expression {
    let startToken = current
    let first = try parseBitwiseOr()
    var links: [ComparisonLink] = []
    while true {
      let beforeOperator = checkpoint
      guard let operation = try parseComparisonOperator() else { break }
      do throws(PythonSyntaxError) {
        links.append(ComparisonLink(operation, try parseBitwiseOr()))
      } catch {
        // PEG backtracking, as in `parseRightOperand`.
        guard isGenericFailure(error) else { throw error }
        let failurePosition = max(position, furthestLookahead)
        restore(beforeOperator)
        furthestLookahead = max(furthestLookahead, failurePosition)
        break
      }
    }
    guard !links.isEmpty else { return first }
    return Expression(.comparison(first, links), range: span(from: startToken))
  }

  private static let symbolicComparisons: [String: ComparisonOperator] = [
    "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater,
    ">=": .greaterOrEqual,
  ]

  private mutating func parseComparisonOperator() throws(PythonSyntaxError) -> ComparisonOperator? {
    switch current.kind {
    case .operator:
      guard let operation = Self.symbolicComparisons[current.text] else { return nil }
      try advance()
      return operation
    case .keyword(.in):
      try advance()
      return .memberOf
    case .keyword(.not):
      guard peek(1).isKeyword(.in) else {
        furthestLookahead = max(furthestLookahead, position + 1)
        return nil
      }
      try advance()
      try advance()
      return .notMemberOf
    case .keyword(.is):
      try advance()
      guard current.isKeyword(.not) else { return .identical }
      try advance()
      return .notIdentical
    default:
      return nil
    }
  }

  // MARK: - Arithmetic

  private static let binaryOperatorLevels: [[String: BinaryOperator]] = [
    ["|": .bitwiseOr],
    ["^": .bitwiseXor],
    ["&": .bitwiseAnd],
    ["<<": .leftShift, ">>": .rightShift],
    ["+": .add, "-": .subtract],
    ["*": .multiply, "/": .divide, "//": .floorDivide, "%": .modulo, "@": .matrixMultiply],
  ]

  mutating func parseBitwiseOr() throws(PythonSyntaxError) -> Expression {
    try parseBinary(level: 0)
  }

  private mutating func parseBinary(level: Int) throws(PythonSyntaxError) -> Expression {
    guard level < Self.binaryOperatorLevels.count else { return try parseFactor() }
    let startToken = current
    var lhs = try parseBinary(level: level + 1)
    while current.kind == .operator, let operation = Self.binaryOperatorLevels[level][current.text]
    {
      guard
        let rhs = try parseRightOperand({ parser throws(PythonSyntaxError) in
          try parser.parseBinary(level: level + 1)
        })
      else { break }
      lhs = Expression(.binary(operation, lhs, rhs), range: span(from: startToken))
    }
    return lhs
  }

  /// Reads an operator and its right operand. Like CPython's PEG parser,
  /// when the operand does not parse it backtracks to before the operator,
  /// leaving the left side as the result, and remembers how far it got for
  /// the error report.
  private mutating func parseRightOperand(
    _ parseOperand: (inout PythonParser) throws(PythonSyntaxError) -> Expression
  ) throws(PythonSyntaxError) -> Expression? {
    let beforeOperator = checkpoint
    do {
      try advance()
      return try parseOperand(&self)
    } catch {
      guard isGenericFailure(error) else { throw error }
      let failurePosition = max(position, furthestLookahead)
      restore(beforeOperator)
      furthestLookahead = max(furthestLookahead, failurePosition)
      return nil
    }
  }

  private static let prefixOperators: [String: UnaryOperator] = [
    "-": .negate, "+": .plus, "~": .invert,
  ]

  private mutating func parseFactor() throws(PythonSyntaxError) -> Expression {
    guard current.kind == .operator, let operation = Self.prefixOperators[current.text] else {
      return try parsePower()
    }
    let operatorToken = current
    try advance()
    try enterNesting()
    defer { nestingDepth -= 1 }
    let operand = try parseFactor()
    return Expression(.unary(operation, operand), range: operatorToken.range.union(operand.range))
  }

  private mutating func parsePower() throws(PythonSyntaxError) -> Expression {
    let startToken = current
    let base = try parseAwaitPrimary()
    guard current.isOperator("**"),
      let exponent = try parseRightOperand({ parser throws(PythonSyntaxError) in
        try parser.parseFactor()
      })
    else { return base }
    return Expression(.binary(.power, base, exponent), range: span(from: startToken))
  }

  mutating func parseAwaitPrimary() throws(PythonSyntaxError) -> Expression {
    guard current.isKeyword(.await) else { return try parsePrimary() }
    let awaitToken = current
    try advance()
    let operand = try parsePrimary()
    deferSyntaxError("'await' outside function", at: awaitToken.range.union(operand.range))
    return operand
  }

  // MARK: - Primaries

  mutating func parsePrimary() throws(PythonSyntaxError) -> Expression {
    let startToken = current
    var expression = try parseAtom()
    while true {
      if current.isOperator(".") {
        try advance()
        let name = try expectName()
        expression = Expression(
          .attribute(base: expression, name: name.text, nameRange: name.range),
          range: span(from: startToken))
      } else if current.isOperator("(") || current.isOperator("[") {
        let beforeTrailer = checkpoint
        do throws(PythonSyntaxError) {
          expression =
            current.isOperator("(")
            ? try parseCall(callee: expression, startingAt: startToken)
            : try parseSubscript(base: expression, startingAt: startToken)
        } catch {
          // PEG backtracking: a broken call or subscript leaves the primary
          // before it, and the failure point is remembered for the report.
          guard isGenericFailure(error) else { throw error }
          let failurePosition = max(position, furthestLookahead)
          restore(beforeTrailer)
          furthestLookahead = max(furthestLookahead, failurePosition)
          return expression
        }
      } else {
        return expression
      }
    }
  }

  mutating func parseCall(callee: Expression, startingAt startToken: PythonToken)
    throws(PythonSyntaxError)
    -> Expression
  {
    try advance()
    var arguments: [Argument] = []
    var bareGenerators: [Expression] = []
    var labels: Set<String> = []
    var hasTrailingComma = false
    // CPython reports a positional argument after keyword arguments only
    // once it has read all the arguments, at the token after them.
    var misplacedPositionalMessage: String?
    while !current.isOperator(")") {
      let orderMessage = positionalArgumentOrderMessage(after: arguments)
      let (argument, isBareGenerator) = try parseArgument(
        isFirst: arguments.isEmpty, misplacedMessage: orderMessage)
      if isBareGenerator { bareGenerators.append(argument.value) }
      switch argument.kind {
      case .positional:
        misplacedPositionalMessage = misplacedPositionalMessage ?? orderMessage
      case .unpackedIterable:
        if arguments.contains(where: { $0.kind == .unpackedMapping }) && hintsEnabled {
          throw syntaxError(
            "iterable argument unpacking follows keyword argument unpacking", at: argument.range)
        }
      case .keyword(let label):
        if !labels.insert(label).inserted {
          deferSyntaxError("keyword argument repeated: \(label)", at: argument.range)
        }
      case .unpackedMapping:
        break
      }
      arguments.append(argument)
      hasTrailingComma = current.isOperator(",")
      if hasTrailingComma {
        try advance()
      } else if !current.isOperator(")") {
        guard let misplacedPositionalMessage else { throw invalidSyntaxHere() }
        // CPython's legacy-print rule has read one expression further.
        _ = try attemptStarExpressions()
        throw syntaxError(
          misplacedPositionalMessage, at: tokens[max(position, furthestLookahead)].range)
      }
    }
    if let misplacedPositionalMessage {
      throw syntaxError(misplacedPositionalMessage, at: current.range)
    }
    try advance()
    if let generator = bareGenerators.first, arguments.count > 1 || hasTrailingComma {
      throw syntaxError("Generator expression must be parenthesized", at: generator.range)
    }
    return Expression(.call(callee: callee, arguments: arguments), range: span(from: startToken))
  }

  /// The error a positional argument would cause after `arguments`, if any.
  private func positionalArgumentOrderMessage(after arguments: [Argument]) -> String? {
    guard hintsEnabled else { return nil }
    if arguments.contains(where: { $0.kind == .unpackedMapping }) {
      return "positional argument follows keyword argument unpacking"
    }
    if arguments.contains(where: { $0.label != nil }) {
      return "positional argument follows keyword argument"
    }
    return nil
  }

  /// Returns the argument and whether it is an unparenthesized generator
  /// expression. `misplacedMessage` is the error a positional argument would
  /// be here.
  private mutating func parseArgument(isFirst: Bool, misplacedMessage: String?)
    throws(PythonSyntaxError) -> (
      Argument, Bool
    )
  {
    let start = current
    let isPositional =
      !(current.isOperator("*") || current.isOperator("**")
      || (current.kind == .name && peek(1).isOperator("=")))
    guard let misplacedMessage, isPositional else { return try parseArgumentBody(isFirst: isFirst) }
    let beforeArgument = checkpoint
    do {
      return try parseArgumentBody(isFirst: isFirst)
    } catch {
      guard isGenericFailure(error) else { throw error }
      // CPython backtracks to whatever prefix of the argument parses and
      // complains about its position; failing that, it rejects the
      // argument's first token.
      let failure = checkpoint
      restore(beforeArgument)
      guard try parseLongestValidPrefix() != nil else { throw unexpected(start) }
      restore(failure)
      throw syntaxError(misplacedMessage, at: current.range)
    }
  }

  private mutating func parseArgumentBody(isFirst: Bool) throws(PythonSyntaxError) -> (
    Argument, Bool
  ) {
    let start = current
    if current.isOperator("*") || current.isOperator("**") {
      try advance()
      let value = try parseExpression()
      let kind: Argument.Kind = start.text == "*" ? .unpackedIterable : .unpackedMapping
      return (Argument(kind, value: value, range: start.range.union(value.range)), false)
    }
    let next = peek(1)
    if current.kind == .name && next.isOperator("=") {
      try advance()
      try advance()
      let value = try parseExpression()
      if current.isKeyword(.for) && hintsEnabled {
        let saved = checkpoint
        if try attemptComprehensionClauses() != nil {
          throw syntaxError(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            at: start.range.union(next.range))
        }
        restore(saved)
      }
      return (
        Argument(
          .keyword(start.text), value: value, range: start.range.union(value.range),
          labelRange: start.range),
        false
      )
    }
    if hintsEnabled && next.isOperator("=")
      && (start.isKeyword(.true) || start.isKeyword(.false) || start.isKeyword(.none))
    {
      throw syntaxError("cannot assign to \(start.text)", at: start.range.union(next.range))
    }
    var value: Expression
    if current.kind == .name && next.isOperator(":=") {
      value = try parseAssignmentExpression()
    } else {
      value = try parseExpression()
    }
    if current.isOperator("=") && hintsEnabled {
      throw syntaxError(
        "expression cannot contain assignment, perhaps you meant \"==\"?",
        at: value.range.union(current.range))
    }
    var isBareGenerator = false
    if current.isKeyword(.for) || current.isKeyword(.async) {
      // Only a first argument may start a generator in CPython's first pass,
      // so elsewhere a broken clause is reported at its `for`.
      let forToken = current
      let clauses: [ComprehensionClause]
      if isFirst {
        clauses = try parseComprehensionClauses()
      } else if let parsed = try attemptComprehensionClauses() {
        clauses = parsed
      } else {
        throw unexpected(forToken)
      }
      value = Expression(
        .comprehension(.generator, element: value, clauses: clauses),
        range: value.range.union(previous.range))
      isBareGenerator = true
      if current.isOperator(",") && hintsEnabled {
        throw syntaxError("Generator expression must be parenthesized", at: value.range)
      }
    }
    return (Argument(.positional, value: value, range: value.range), isBareGenerator)
  }

  private mutating func parseSubscript(base: Expression, startingAt startToken: PythonToken)
    throws(PythonSyntaxError)
    -> Expression
  {
    try advance()
    let first = try parseSliceItem()
    var index = first
    if current.isOperator(",") {
      var items = [first]
      while current.isOperator(",") {
        try advance()
        if current.isOperator("]") { break }
        items.append(try parseSliceItem())
      }
      index = Expression(.tuple(items), range: first.range.union(previous.range))
    }
    _ = try expectOperator("]")
    return Expression(.subscript(base: base, index: index), range: span(from: startToken))
  }

  private mutating func parseSliceItem() throws(PythonSyntaxError) -> Expression {
    if current.isOperator("*") {
      // In a subscript the starred operand is a full expression.
      let star = current
      try advance()
      let inner = try parseExpression()
      return Expression(.starred(inner), range: star.range.union(inner.range))
    }
    let start = current
    var lower: Expression?
    if !current.isOperator(":") {
      let expression = try parseNamedExpression()
      guard current.isOperator(":") else { return expression }
      lower = expression
    }
    try advance()
    var upper: Expression?
    var step: Expression?
    if canStartExpression(current) { upper = try parseExpression() }
    if current.isOperator(":") {
      try advance()
      if canStartExpression(current) { step = try parseExpression() }
    }
    return Expression(
      .slice(lower: lower, upper: upper, step: step), range: start.range.union(previous.range))
  }

  // MARK: - Atoms

  mutating func parseAtom() throws(PythonSyntaxError) -> Expression {
    let token = current
    switch token.kind {
    case .name:
      try advance()
      return Expression(.name(token.text), range: token.range)
    case .keyword(.true), .keyword(.false):
      try advance()
      return Expression(.boolean(token.isKeyword(.true)), range: token.range)
    case .keyword(.none):
      try advance()
      return Expression(.noneLiteral, range: token.range)
    case .integer:
      try advance()
      return Expression(try decodeInteger(token), range: token.range)
    case .float:
      try advance()
      return Expression(
        .float(Double(token.text.filter { $0 != "_" }) ?? .infinity), range: token.range)
    case .imaginary:
      try advance()
      deferUnsupported("complex literal", "complex number literals", at: token.range)
      return Expression(.float(0), range: token.range)
    case .string, .formattedString:
      return try parseStrings()
    case .operator where token.text == "(":
      return try parseParenthesized()
    case .operator where token.text == "[":
      return try parseListDisplay()
    case .operator where token.text == "{":
      return try parseBraceDisplay()
    case .operator where token.text == "...":
      try advance()
      return Expression(.ellipsis, range: token.range)
    default:
      throw invalidSyntaxHere()
    }
  }

  /// An integer literal: `.integer` when it fits in 64 bits, else `.bigInteger`. As in CPython
  /// 3.11, a decimal literal of more than 4300 digits is a SyntaxError.
  private mutating func decodeInteger(_ token: PythonToken) throws(PythonSyntaxError)
    -> Expression.Kind
  {
    let digits = token.text.filter { $0 != "_" }.lowercased()
    let radix: Int
    let body: Substring
    switch digits.prefix(2) {
    case "0x": (radix, body) = (16, digits.dropFirst(2))
    case "0o": (radix, body) = (8, digits.dropFirst(2))
    case "0b": (radix, body) = (2, digits.dropFirst(2))
    default: (radix, body) = (10, digits[...])
    }
    if let value = Int(body, radix: radix) { return .integer(value) }
    if radix == 10 && body.count > PythonInteger.maximumStringDigits {
      throw syntaxError(
        PythonInteger.parseLimitMessage(digits: body.count)
          + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
        at: token.range)
    }
    guard let value = BigInt(body, radix: radix),
      value.magnitude.bitWidth <= PythonInteger.maximumBits
    else {
      deferUnsupported(
        "large integer",
        "integer literals wider than \(PythonInteger.maximumBits) bits", at: token.range)
      return .integer(0)
    }
    return .bigInteger(value)
  }

  private mutating func parseParenthesized() throws(PythonSyntaxError) -> Expression {
    let open = current
    try advance()
    if current.isOperator(")") {
      let close = current
      try advance()
      return Expression(.tuple([]), range: open.range.union(close.range))
    }
    if current.isKeyword(.yield) {
      let yield = try parseYieldExpression()
      _ = try expectOperator(")")
      return yield
    }
    if current.isOperator("**") && hintsEnabled {
      let stars = current
      let saved = checkpoint
      try advance()
      if try attemptExpression() != nil && current.isOperator(")") {
        throw syntaxError("cannot use double starred expression here", at: stars.range)
      }
      restore(saved)
    }
    let first = try parseStarNamedExpression()
    if current.isKeyword(.for) || current.isKeyword(.async) {
      try rejectStarredComprehensionElement(first)
      let clauses = try parseComprehensionClauses()
      let close = try expectOperator(")")
      return Expression(
        .comprehension(.generator, element: first, clauses: clauses),
        range: open.range.union(close.range))
    }
    if current.isOperator(")") {
      if case .starred = first.kind, hintsEnabled {
        throw syntaxError("cannot use starred expression here", at: first.range)
      }
      try advance()
      return first
    }
    guard current.isOperator(",") else { throw invalidSyntaxHere() }
    let (items, close) = try parseRemainingElements(after: first, closer: ")")
    return Expression(.tuple(items), range: open.range.union(close.range))
  }

  /// The `, b, c]` of a display whose first element is parsed.
  private mutating func parseRemainingElements(after first: Expression, closer: String)
    throws(PythonSyntaxError) -> (
      [Expression], PythonToken
    )
  {
    var items = [first]
    var lastComma: PythonToken?
    while current.isOperator(",") {
      lastComma = current
      try advance()
      if current.isOperator(closer) || current.isKeyword(.for) { break }
      items.append(try parseStarNamedExpression())
    }
    if current.isKeyword(.for) && closer != ")" && hintsEnabled {
      // `[x, y for x, y in pairs]`
      let forToken = current
      guard try attemptComprehensionClauses() != nil else {
        _ = try parseComprehensionClauses()
        throw unexpected(forToken)
      }
      let end = items.count == 1 ? lastComma!.range : items.last!.range
      throw syntaxError(
        "did you forget parentheses around the comprehension target?", at: first.range.union(end))
    }
    return (items, try expectOperator(closer))
  }

  private func rejectStarredComprehensionElement(_ element: Expression) throws(PythonSyntaxError) {
    if case .starred = element.kind, hintsEnabled {
      throw syntaxError("iterable unpacking cannot be used in comprehension", at: element.range)
    }
  }

  private mutating func parseListDisplay() throws(PythonSyntaxError) -> Expression {
    let open = current
    try advance()
    if current.isOperator("]") {
      let close = current
      try advance()
      return Expression(.list([]), range: open.range.union(close.range))
    }
    let first = try parseStarNamedExpression()
    if current.isKeyword(.for) || current.isKeyword(.async) {
      try rejectStarredComprehensionElement(first)
      let clauses = try parseComprehensionClauses()
      let close = try expectOperator("]")
      return Expression(
        .comprehension(.list, element: first, clauses: clauses),
        range: open.range.union(close.range))
    }
    let (items, close) = try parseRemainingElements(after: first, closer: "]")
    return Expression(.list(items), range: open.range.union(close.range))
  }

  private mutating func parseBraceDisplay() throws(PythonSyntaxError) -> Expression {
    let open = current
    try advance()
    if current.isOperator("}") {
      let close = current
      try advance()
      return Expression(.dictionary([]), range: open.range.union(close.range))
    }
    if current.isOperator("**") {
      return try parseDictionary(open: open, firstEntry: try parseDictionaryUnpacking())
    }
    let first = try parseStarNamedExpression()
    if current.isOperator(":") {
      if case .starred = first.kind { throw invalidSyntaxHere() }
      let value = try parseDictionaryValue()
      if current.isKeyword(.for) || current.isKeyword(.async) {
        let clauses = try parseComprehensionClauses()
        let close = try expectOperator("}")
        return Expression(
          .dictionaryComprehension(key: first, value: value, clauses: clauses),
          range: open.range.union(close.range))
      }
      return try parseDictionary(open: open, firstEntry: .pair(key: first, value: value))
    }
    if current.isKeyword(.for) || current.isKeyword(.async) {
      try rejectStarredComprehensionElement(first)
      let clauses = try parseComprehensionClauses()
      let close = try expectOperator("}")
      return Expression(
        .comprehension(.set, element: first, clauses: clauses), range: open.range.union(close.range)
      )
    }
    let (items, close) = try parseRemainingElements(after: first, closer: "}")
    return Expression(.set(items), range: open.range.union(close.range))
  }

  private mutating func parseDictionaryUnpacking() throws(PythonSyntaxError) -> DictionaryEntry {
    try advance()
    return .unpacking(try parseBitwiseOr())
  }

  /// Parses `: value`, starting at the colon.
  private mutating func parseDictionaryValue() throws(PythonSyntaxError) -> Expression {
    let colon = current
    try advance()
    if current.isOperator("}") || current.isOperator(",") {
      throw syntaxError("expression expected after dictionary key and ':'", at: colon.range)
    }
    return try parseExpression()
  }

  private mutating func parseDictionary(open: PythonToken, firstEntry: DictionaryEntry)
    throws(PythonSyntaxError)
    -> Expression
  {
    var entries = [firstEntry]
    while current.isOperator(",") {
      try advance()
      if current.isOperator("}") { break }
      if current.isOperator("**") {
        entries.append(try parseDictionaryUnpacking())
        continue
      }
      // CPython reads later keys with its `expression` hints already
      // memoized off, so a bad key gets this dictionary-specific error.
      let savedExpressionHints = expressionHintsEnabled
      expressionHintsEnabled = false
      let key = try parseExpression()
      expressionHintsEnabled = savedExpressionHints
      guard current.isOperator(":") else {
        // CPython points at the key's last character.
        let location = buffer.location(at: previous.scalarEnd - 1)
        throw syntaxError("':' expected after dictionary key", at: SourceRange(at: location))
      }
      entries.append(.pair(key: key, value: try parseDictionaryValue()))
    }
    let close = try expectOperator("}")
    return Expression(.dictionary(entries), range: open.range.union(close.range))
  }

  mutating func parseComprehensionClauses() throws(PythonSyntaxError) -> [ComprehensionClause] {
    var clauses: [ComprehensionClause] = []
    while current.isKeyword(.for) || current.isKeyword(.async) {
      let start = current
      if current.isKeyword(.async) {
        deferUnsupported("async", "async functions and loops (async)", at: current.range)
        try advance()
        guard current.isKeyword(.for) else { throw invalidSyntaxHere() }
      }
      try advance()
      let target = try parseForTarget()
      let iterable = try parseDisjunction()
      var conditions: [Expression] = []
      while current.isKeyword(.if) {
        try advance()
        conditions.append(try parseDisjunction())
      }
      clauses.append(
        ComprehensionClause(
          target: target, iterable: iterable, conditions: conditions,
          range: start.range.union(previous.range)))
    }
    return clauses
  }
}
