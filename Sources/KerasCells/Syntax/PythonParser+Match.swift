extension PythonParser {
  /// `match subject:` and its `case pattern if guard:` blocks (PEP 634). Patterns are read as
  /// expressions (a pattern's syntax is a subset of theirs, `|` being `bitwiseOr`) and then
  /// turned into `MatchPattern`s; forms ConvBook does not run (nested `as`, complex literals)
  /// are refused as ConvBook's limitation, the statement skipped.
  mutating func parseMatchStatement() throws(PythonSyntaxError) -> [Statement] {
    let matchToken = current
    try advance()
    let subject = try parseStarExpressions()
    try expectBlockColon()
    guard current.kind == .newline else { throw invalidSyntaxHere() }
    try advance()
    guard current.kind == .indent else { throw invalidSyntaxHere() }
    try advance()
    var cases: [MatchCase] = []
    var checks: [(items: [CasePatternCheck.Item], open: Bool, hasGuard: Bool)?] = []
    var refused = false
    while current.kind != .dedent && current.kind != .end {
      guard current.kind == .name, current.text == "case" else { throw invalidSyntaxHere() }
      let caseToken = current
      try advance()
      let parsed = try parseCasePatterns()
      let pattern = parsed?.pattern
      if pattern == nil && !refused {
        refused = true
        deferUnsupported("match", "match patterns of this form", at: caseToken.range)
      }
      var guardCondition: Expression?
      if current.isKeyword(.if) {
        try advance()
        guardCondition = try parseNamedExpression()
      }
      checks.append(parsed.map { ($0.items, $0.open, guardCondition != nil) })
      try expectBlockColon()
      let body = try parseBlock(after: "'case' statement", onLine: caseToken.range.start.line)
      cases.append(
        MatchCase(
          pattern: pattern ?? .wildcard, guardCondition: guardCondition, body: body,
          range: caseToken.range.union(lastContentRange)))
    }
    if current.kind == .dedent { try advance() }
    // CPython's compiler refuses the file for the first case whose pattern binds a name twice or
    // matches anything before the last case (unless it has a guard).
    for (index, check) in checks.enumerated() {
      guard let check,
        let found = CasePatternCheck.firstError(
          items: check.items, open: check.open,
          allowIrrefutable: check.hasGuard || index == checks.count - 1, range: cases[index].range)
      else { continue }
      deferSyntaxError(found.message, at: found.range)
      break
    }
    return [
      Statement(
        .matchStatement(subject: subject, cases: cases),
        range: matchToken.range.union(lastContentRange))
    ]
  }

  /// The patterns after `case`, up to its `if` or `:`: one pattern, or an open sequence
  /// (`case a, *rest:`). Nil for a form ConvBook does not run; the tokens up to the `if` or `:`
  /// are then skipped.
  /// The items as written come back too, for `CasePatternCheck`.
  private mutating func parseCasePatterns() throws(PythonSyntaxError)
    -> (pattern: MatchPattern, items: [CasePatternCheck.Item], open: Bool)?
  {
    var items: [(MatchPattern, CasePatternCheck.Item)?] = []
    var open = false
    while true {
      let item = try attempt {
        parser throws(PythonSyntaxError) -> (MatchPattern, CasePatternCheck.Item)? in
        try parser.parseCasePattern()
      }
      guard let item else {
        try skipToCaseEnd()
        return nil
      }
      items.append(item)
      guard current.isOperator(",") else { break }
      open = true
      try advance()
      if current.isOperator(":") || current.isKeyword(.if) { break }
    }
    let parsed = items.compactMap { $0 }
    guard parsed.count == items.count else {
      try skipToCaseEnd()
      return nil
    }
    let patterns = parsed.map(\.0)
    guard let pattern = open ? Self.sequencePattern(patterns) : patterns.first else { return nil }
    return (pattern, parsed.map(\.1), open)
  }

  /// One comma-separated item of a `case`: `*name`, or a pattern with an optional `as name`.
  private mutating func parseCasePattern() throws(PythonSyntaxError)
    -> (MatchPattern, CasePatternCheck.Item)?
  {
    if current.isOperator("*") {
      let star = current
      try advance()
      let name = try expectName()
      return (
        .sequence([.capture(name.text)], star: 0, starName: nil),
        .star(name.text, star.range.union(name.range))
      )
    }
    let expression = try parseBitwiseOr()
    guard var pattern = Self.pattern(from: expression) else { return nil }
    var asName: (String, SourceRange)?
    if current.isKeyword(.as) {
      try advance()
      let name = try expectName()
      pattern = .binding(pattern, name: name.text)
      asName = (name.text, name.range)
    }
    // A pattern the expression grammar reads only in part (`Foo(a=b as c)` backtracks to `Foo`).
    guard current.isOperator(",") || current.isOperator(":") || current.isKeyword(.if) else {
      return nil
    }
    return (pattern, .pattern(expression, asName: asName))
  }

  /// The open sequence `a, *rest`: a `*name` item arrives as a one-item starred marker.
  private static func sequencePattern(_ items: [MatchPattern]) -> MatchPattern? {
    var patterns: [MatchPattern] = []
    var star: Int?
    var starName: String?
    for item in items {
      if case .sequence(let inner, let index, nil) = item, index == 0, inner.count == 1,
        case .capture(let name) = inner[0]
      {
        guard star == nil else { return nil }
        star = patterns.count
        starName = name == "_" ? nil : name
        continue
      }
      patterns.append(item)
    }
    return .sequence(patterns, star: star, starName: starName)
  }

  private mutating func skipToCaseEnd() throws(PythonSyntaxError) {
    var depth = 0
    while current.kind != .newline && current.kind != .end {
      if current.isOperator("(") || current.isOperator("[") || current.isOperator("{") {
        depth += 1
      }
      if current.isOperator(")") || current.isOperator("]") || current.isOperator("}") {
        depth -= 1
      }
      if depth == 0 && (current.isOperator(":") || current.isKeyword(.if)) { return }
      try advance()
    }
  }

  /// The pattern an expression spells, or nil when it is none ConvBook runs.
  static func pattern(from expression: Expression) -> MatchPattern? {
    switch expression.kind {
    case .name("_"): return .wildcard
    case .name(let name): return .capture(name)
    case .integer, .bigInteger, .float, .string, .bytes, .boolean, .noneLiteral:
      return .value(expression)
    case .unary(.negate, let inner):
      switch inner.kind {
      case .integer, .bigInteger, .float: return .value(expression)
      default: return nil
      }
    case .attribute:
      return isDottedName(expression) ? .value(expression) : nil
    case .binary(.bitwiseOr, let left, let right):
      guard let left = pattern(from: left), let right = pattern(from: right) else { return nil }
      var alternatives: [MatchPattern] = []
      for side in [left, right] {
        if case .alternatives(let inner) = side {
          alternatives += inner
        } else {
          alternatives.append(side)
        }
      }
      return .alternatives(alternatives)
    case .list(let items), .tuple(let items):
      var patterns: [MatchPattern] = []
      var star: Int?
      var starName: String?
      for item in items {
        if case .starred(let inner) = item.kind {
          guard star == nil, case .name(let name) = inner.kind else { return nil }
          star = patterns.count
          starName = name == "_" ? nil : name
          continue
        }
        guard let pattern = pattern(from: item) else { return nil }
        patterns.append(pattern)
      }
      return .sequence(patterns, star: star, starName: starName)
    case .dictionary(let entries):
      var keys: [Expression] = []
      var values: [MatchPattern] = []
      var rest: String?
      for (index, entry) in entries.enumerated() {
        switch entry {
        case .pair(let key, let value):
          guard case .value = pattern(from: key), let value = pattern(from: value) else {
            return nil
          }
          keys.append(key)
          values.append(value)
        case .unpacking(let inner):
          guard index == entries.count - 1, case .name(let name) = inner.kind, name != "_" else {
            return nil
          }
          rest = name
        }
      }
      return .mapping(keys: keys, values: values, rest: rest)
    case .call(let callee, let arguments):
      guard isDottedName(callee) else { return nil }
      var positional: [MatchPattern] = []
      var keywords: [String] = []
      var keywordPatterns: [MatchPattern] = []
      for argument in arguments {
        guard let pattern = pattern(from: argument.value) else { return nil }
        switch argument.kind {
        case .positional:
          guard keywords.isEmpty else { return nil }
          positional.append(pattern)
        case .keyword(let label):
          keywords.append(label)
          keywordPatterns.append(pattern)
        case .unpackedIterable, .unpackedMapping: return nil
        }
      }
      return .classPattern(
        callee, positional: positional, keywords: keywords, keywordPatterns: keywordPatterns)
    default: return nil
    }
  }

  private static func isDottedName(_ expression: Expression) -> Bool {
    switch expression.kind {
    case .name: return true
    case .attribute(let base, _, _): return isDottedName(base)
    default: return false
    }
  }
}
