/// CPython 3.11's compiler limit on nesting: a statement inside `n` blocks holding an expression
/// nested `m` levels deep compiles while `n + m` stays within ``maximumDepth``; beyond it CPython
/// raises `RecursionError: maximum recursion depth exceeded during compilation` (measured with
/// CPython 3.11.7: `x = ` followed by 2,989 unary minuses and `1` compiles, 2,990 do not).
///
/// The walk uses an explicit stack, so it is safe on any input the parser produced.
enum SyntaxDepth {
  static let maximumDepth = 2991
  static let message = "maximum recursion depth exceeded during compilation"

  static func check(_ statements: [Statement]) throws(PythonSyntaxError) {
    enum Node {
      case statement(Statement)
      case expression(Expression)
    }
    var stack: [(Node, Int)] = statements.map { (.statement($0), 1) }
    while let (node, depth) = stack.popLast() {
      switch node {
      case .statement(let statement):
        if depth > maximumDepth { throw error(at: statement.range) }
        for expression in expressions(of: statement) {
          stack.append((.expression(expression), depth + 1))
        }
        for child in bodies(of: statement) { stack.append((.statement(child), depth + 1)) }
      case .expression(let expression):
        if depth > maximumDepth { throw error(at: expression.range) }
        for child in children(of: expression) { stack.append((.expression(child), depth + 1)) }
      }
    }
  }

  /// Checks one expression parsed on its own (an exercise answer), as CPython's `eval` would.
  static func check(_ expression: Expression) throws(PythonSyntaxError) {
    try check([Statement(.expression(expression), range: expression.range)])
  }

  static func error(at range: SourceRange) -> PythonSyntaxError {
    PythonSyntaxError(.recursionError, message, at: SourceRange(at: range.start))
  }

  private static func expressions(of statement: Statement) -> [Expression] {
    switch statement.kind {
    case .expression(let expression): return [expression]
    case .assignment(let targets, let value): return targets + [value]
    case .augmentedAssignment(let target, _, let value): return [target, value]
    case .importModules, .importNames, .relativeImport, .pass, .breakStatement,
      .continueStatement:
      return []
    case .functionDefinition(let definition):
      return definition.decorators + definition.parameters.compactMap(\.defaultValue)
    case .classDefinition(let definition):
      return definition.decorators + definition.arguments.map(\.value)
    case .withStatement(let items, _):
      return items.flatMap { [$0.context] + ($0.target.map { [$0] } ?? []) }
    case .returnStatement(let value): return value.map { [$0] } ?? []
    case .whileLoop(let condition, _, _): return [condition]
    case .tryStatement(_, let handlers, _, _): return handlers.compactMap(\.type)
    case .delete(let targets): return targets
    case .raiseStatement(let exception, let cause): return [exception, cause].compactMap { $0 }
    case .scopeDeclaration: return []
    case .assertStatement(let condition, let message):
      return [condition] + (message.map { [$0] } ?? [])
    case .forLoop(let target, let iterable, _, _): return [target, iterable]
    case .ifStatement(let branches, _): return branches.map(\.condition)
    case .matchStatement(let subject, let cases):
      return [subject]
        + cases.flatMap { [$0.guardCondition].compactMap { $0 } + $0.pattern.expressions }
    }
  }

  private static func bodies(of statement: Statement) -> [Statement] {
    switch statement.kind {
    case .forLoop(_, _, let body, let elseBody), .whileLoop(_, let body, let elseBody):
      return body + (elseBody ?? [])
    case .functionDefinition(let definition): return definition.body
    case .classDefinition(let definition): return definition.body
    case .withStatement(_, let body): return body
    case .tryStatement(let body, let handlers, let elseBody, let finallyBody):
      return body + handlers.flatMap(\.body) + (elseBody ?? []) + (finallyBody ?? [])
    case .ifStatement(let branches, let elseBody):
      return branches.flatMap(\.body) + (elseBody ?? [])
    case .matchStatement(_, let cases): return cases.flatMap(\.body)
    default: return []
    }
  }

  /// The direct sub-expressions of `expression`.
  static func children(of expression: Expression) -> [Expression] {
    switch expression.kind {
    case .name, .integer, .bigInteger, .float, .string, .bytes, .boolean, .noneLiteral, .ellipsis:
      return []
    case .formattedString(let parts): return replacementExpressions(parts)
    case .tuple(let items), .list(let items), .set(let items): return items
    case .dictionary(let entries):
      return entries.flatMap { entry -> [Expression] in
        switch entry {
        case .pair(let key, let value): return [key, value]
        case .unpacking(let value): return [value]
        }
      }
    case .comprehension(_, let element, let clauses):
      return [element] + clauseExpressions(clauses)
    case .dictionaryComprehension(let key, let value, let clauses):
      return [key, value] + clauseExpressions(clauses)
    case .starred(let inner): return [inner]
    case .attribute(let base, _, _): return [base]
    case .subscript(let base, let index): return [base, index]
    case .slice(let lower, let upper, let step): return [lower, upper, step].compactMap { $0 }
    case .call(let callee, let arguments): return [callee] + arguments.map(\.value)
    case .unary(_, let operand): return [operand]
    case .binary(_, let left, let right), .logical(_, let left, let right): return [left, right]
    case .comparison(let first, let links): return [first] + links.map(\.operand)
    case .conditional(let condition, let ifTrue, let ifFalse): return [condition, ifTrue, ifFalse]
    case .lambda(let parameters, let body): return parameters.compactMap(\.defaultValue) + [body]
    case .namedExpression(_, let value): return [value]
    case .yield(let value): return value.map { [$0] } ?? []
    case .yieldFrom(let source): return [source]
    }
  }

  private static func clauseExpressions(_ clauses: [ComprehensionClause]) -> [Expression] {
    clauses.flatMap { [$0.target, $0.iterable] + $0.conditions }
  }

  private static func replacementExpressions(_ parts: [FormattedStringPart]) -> [Expression] {
    var found: [Expression] = []
    var pending = parts
    while let part = pending.popLast() {
      if case .replacement(let replacement) = part {
        found.append(replacement.expression)
        pending += replacement.formatSpec
      }
    }
    return found
  }
}
