/// `class` statements, `with` statements and decorators, in CPython 3.11's grammar and words.
extension PythonParser {
  /// `@expression NEWLINE` lines, then the `def` or `class` they decorate.
  mutating func parseDecorated() throws(PythonSyntaxError) -> [Statement] {
    var decorators: [Expression] = []
    while current.isOperator("@") {
      try advance()
      decorators.append(try parseNamedExpression())
      guard current.kind == .newline else { throw invalidSyntaxHere() }
      try advance()
    }
    switch current.kind {
    case .keyword(.def):
      return [try parseFunctionDefinition(decorators: decorators)]
    case .keyword(.class):
      return [try parseClassDefinition(decorators: decorators)]
    case .keyword(.async):
      deferUnsupported("async", "async functions and loops (async)", at: current.range)
      try parseUnsupportedCompoundStatement()
      return []
    default:
      throw invalidSyntaxHere()
    }
  }

  /// `class Name:` or `class Name(bases, keyword=value):` and its body.
  mutating func parseClassDefinition(decorators: [Expression]) throws(PythonSyntaxError)
    -> Statement
  {
    let classToken = current
    try advance()
    let name = try expectName()
    var arguments: [Argument] = []
    if current.isOperator("(") {
      let nameExpression = Expression(.name(name.text), range: name.range)
      let call = try parseCall(callee: nameExpression, startingAt: name)
      if case .call(_, let parsed) = call.kind { arguments = parsed }
    }
    try expectBlockColon()
    // A class body is neither a function nor a loop: `return` and `break` directly in it are
    // errors, as in CPython; the methods' own bodies count again.
    let saved = (loopDepth, functionDepth)
    (loopDepth, functionDepth) = (0, 0)
    defer { (loopDepth, functionDepth) = saved }
    classAnnotations.append([])
    let body = try parseBlock(after: "class definition", onLine: classToken.range.start.line)
    let annotations = classAnnotations.removeLast()
    return Statement(
      .classDefinition(
        ClassDefinition(
          name: name.text, nameRange: name.range, arguments: arguments, body: body,
          decorators: decorators, annotations: annotations)),
      range: classToken.range.union(lastContentRange))
  }

  /// `with a as b, c:` or `with (a as b, c,):` and its body.
  mutating func parseWithStatement() throws(PythonSyntaxError) -> Statement {
    let withToken = current
    try advance()
    var items: [WithItem]
    var parenthesized: (items: [WithItem], end: Int)?
    let beforeItems = checkpoint
    if current.isOperator("(") {
      parenthesized = try attempt { parser throws(PythonSyntaxError) in
        let items = try parser.parseParenthesizedWithItems()
        return (items, parser.position)
      }
    }
    if let parenthesized, tokens[parenthesized.end].isOperator(":") {
      items = parenthesized.items
      position = parenthesized.end
    } else {
      restore(beforeItems)
      do {
        items = [try parseWithItem()]
        while current.isOperator(",") {
          try advance()
          items.append(try parseWithItem())
        }
      } catch {
        // Both forms failed: CPython reports the furthest token either reached.
        if let parenthesized, isGenericFailure(error),
          parenthesized.end > max(position, furthestLookahead)
        {
          throw unexpected(tokens[parenthesized.end])
        }
        throw error
      }
    }
    try expectBlockColon()
    let body = try parseBlock(after: "'with' statement", onLine: withToken.range.start.line)
    return Statement(
      .withStatement(items: items, body: body), range: withToken.range.union(lastContentRange))
  }

  /// `(item, item,)`; the caller reads a parenthesized expression instead when no `:` follows.
  private mutating func parseParenthesizedWithItems() throws(PythonSyntaxError) -> [WithItem] {
    try advance()
    var items = [try parseWithItem()]
    while current.isOperator(",") {
      try advance()
      if current.isOperator(")") { break }
      items.append(try parseWithItem())
    }
    _ = try expectOperator(")")
    return items
  }

  private mutating func parseWithItem() throws(PythonSyntaxError) -> WithItem {
    let context = try parseExpression()
    guard current.isKeyword(.as) else { return WithItem(context: context, target: nil) }
    try advance()
    let target = try parseTargetElement()
    try validateTarget(target)
    // A line that ends here is CPython's "expected ':'" (the caller's).
    guard
      current.isOperator(",") || current.isOperator(")") || current.isOperator(":")
        || current.kind == .newline
    else { throw invalidSyntaxHere() }
    return WithItem(context: context, target: target)
  }
}
