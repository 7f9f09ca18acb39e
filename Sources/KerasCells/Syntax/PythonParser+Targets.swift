/// Assignment targets and CPython's diagnostics for invalid ones.
extension PythonParser {
  /// CPython's noun for an expression in messages such as
  /// "cannot assign to function call".
  func describe(_ expression: Expression) -> String {
    switch expression.kind {
    case .attribute: "attribute"
    case .subscript: "subscript"
    case .starred: "starred"
    case .name: "name"
    case .list: "list"
    case .tuple: "tuple"
    case .lambda: "lambda"
    case .call: "function call"
    case .logical, .binary, .unary: "expression"
    case .comprehension(.generator, _, _): "generator expression"
    case .comprehension(.list, _, _): "list comprehension"
    case .comprehension(.set, _, _): "set comprehension"
    case .dictionaryComprehension: "dict comprehension"
    case .dictionary: "dict literal"
    case .set: "set display"
    case .formattedString: "f-string expression"
    case .noneLiteral: "None"
    case .boolean(let value): value ? "True" : "False"
    case .ellipsis: "ellipsis"
    case .integer, .bigInteger, .float, .string, .bytes: "literal"
    case .comparison: "comparison"
    case .conditional: "conditional expression"
    case .slice: "slice"
    case .namedExpression: "named expression"
    case .yield, .yieldFrom: "yield expression"
    }
  }

  /// Tuples carry their parentheses in their range; nothing else does.
  func isParenthesized(_ expression: Expression) -> Bool {
    guard case .tuple(let items) = expression.kind else { return false }
    return items.first.map { $0.range.start != expression.range.start } ?? true
  }

  /// The first sub-expression that cannot be assigned to, as CPython finds
  /// it. When re-reading a `for` target as an expression, `x in y` is a
  /// comparison whose left side is the real target.
  func invalidTarget(in expression: Expression, isForTarget: Bool = false) -> Expression? {
    switch expression.kind {
    case .name, .attribute, .subscript:
      return nil
    case .tuple(let items), .list(let items):
      return items.lazy.compactMap { invalidTarget(in: $0, isForTarget: isForTarget) }.first
    case .starred(let inner):
      return invalidTarget(in: inner, isForTarget: isForTarget)
    case .comparison(let first, let links) where isForTarget:
      return links.first?.operation == .memberOf ? invalidTarget(in: first, isForTarget: true) : nil
    default:
      return expression
    }
  }

  func cannotAssign(to expression: Expression) -> PythonSyntaxError {
    syntaxError("cannot assign to \(describe(expression))", at: expression.range)
  }

  /// Checks a `for` or comprehension target.
  mutating func validateTarget(_ target: Expression) throws(PythonSyntaxError) {
    if let invalid = invalidTarget(in: target) { throw cannotAssign(to: invalid) }
    checkStarredTargets(target)
  }

  /// Checks one target of an assignment chain. When any target is invalid,
  /// CPython first tries to read the start of the statement as a mistyped
  /// comparison (`f() = 1` -> "Maybe you meant '=='"), looking at the last
  /// element of the first target and what follows the first `=`.
  mutating func validateAssignmentTarget(
    _ target: Expression, firstTarget: Expression, firstEquals: Checkpoint
  )
    throws(PythonSyntaxError)
  {
    guard let invalid = invalidTarget(in: target) else {
      checkStarredTargets(target)
      return
    }
    if hintsEnabled {
      var last = firstTarget
      if case .tuple(let items) = firstTarget.kind, !isParenthesized(firstTarget),
        let lastItem = items.last
      {
        last = lastItem
      }
      let saved = checkpoint
      restore(firstEquals)
      let hint = try namedExpressionHint(for: last)
      restore(saved)
      if let hint { throw hint }
    }
    throw cannotAssign(to: invalid)
  }

  /// CPython's `invalid_named_expression` rule, for `expression` followed by
  /// the current `=` token where an `=` cannot appear.
  mutating func namedExpressionHint(for expression: Expression) throws(PythonSyntaxError)
    -> PythonSyntaxError?
  {
    let saved = checkpoint
    defer { restore(saved) }
    try advance()
    guard let value = try parseLongestValidPrefix() else { return nil }
    if current.isOperator("=") || current.isOperator(":=") { return nil }
    if case .name = expression.kind {
      return syntaxError(
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        at: expression.range.union(value.range))
    }
    if isBitwiseOrLevel(expression) && !isExcludedFromAssignmentHint(expression) {
      return syntaxError(
        "cannot assign to \(describe(expression)) here. Maybe you meant '==' instead of '='?",
        at: expression.range)
    }
    return nil
  }

  /// Whether CPython's `bitwise_or` rule could have produced the expression.
  private func isBitwiseOrLevel(_ expression: Expression) -> Bool {
    switch expression.kind {
    case .comparison, .logical, .conditional, .lambda, .starred, .slice, .unary(.not, _): false
    default: true
    }
  }

  private func isExcludedFromAssignmentHint(_ expression: Expression) -> Bool {
    switch expression.kind {
    case .list, .boolean, .noneLiteral, .comprehension(.generator, _, _): true
    case .tuple: isParenthesized(expression)
    default: false
    }
  }

  private mutating func checkStarredTargets(_ target: Expression) {
    switch target.kind {
    case .starred:
      deferSyntaxError("starred assignment target must be in a list or tuple", at: target.range)
    case .tuple(let items), .list(let items):
      let starredCount = items.filter { if case .starred = $0.kind { true } else { false } }.count
      if starredCount > 1 {
        deferSyntaxError("multiple starred expressions in assignment", at: target.range)
      }
      for item in items {
        if case .starred(let inner) = item.kind {
          checkStarredTargets(inner)
        } else {
          checkStarredTargets(item)
        }
      }
    default:
      break
    }
  }

  /// The target of a `for` statement or comprehension clause, and its `in`.
  mutating func parseForTarget() throws(PythonSyntaxError) -> Expression {
    let afterFor = checkpoint
    let target: Expression
    do {
      target = try parseTargetList()
    } catch {
      guard isGenericFailure(error) && hintsEnabled else { throw error }
      throw try missingInError(afterFor: afterFor)
    }
    guard current.isKeyword(.in) else {
      guard hintsEnabled else { throw invalidSyntaxHere() }
      throw try missingInError(afterFor: afterFor)
    }
    try validateTarget(target)
    try advance()
    return target
  }

  /// The error for a `for` whose target is not followed by `in`. Like
  /// CPython's `invalid_for_target` rule it re-reads the text after `for` as
  /// an expression, which may explain the problem better.
  mutating func missingInError(afterFor: Checkpoint) throws(PythonSyntaxError) -> PythonSyntaxError
  {
    let failure = checkpoint
    restore(afterFor)
    let reparsed: Expression
    do {
      reparsed = try parseStarExpressions()
    } catch {
      guard isGenericFailure(error) else { throw error }
      restore(failure)
      return invalidSyntaxHere()
    }
    restore(failure)
    if let invalid = invalidTarget(in: reparsed, isForTarget: true) {
      return cannotAssign(to: invalid)
    }
    return invalidSyntaxHere()
  }

  /// `a`, `a, b`, `(a, *rest)`, ... as used after `for`.
  mutating func parseTargetList() throws(PythonSyntaxError) -> Expression {
    let first = try parseTargetElement()
    guard current.isOperator(",") else { return first }
    var items = [first]
    while current.isOperator(",") {
      try advance()
      guard canStartExpression(current) || current.isOperator("*") else { break }
      items.append(try parseTargetElement())
    }
    return Expression(.tuple(items), range: first.range.union(previous.range))
  }

  /// Targets are primaries (names, attributes, subscripts, bracketed
  /// lists of targets), so `for i*, x in` fails at the `*` as in CPython.
  mutating func parseTargetElement() throws(PythonSyntaxError) -> Expression {
    guard current.isOperator("*") else { return try parsePrimary() }
    let star = current
    try advance()
    let inner = try parseTargetElement()
    return Expression(.starred(inner), range: star.range.union(inner.range))
  }
}
