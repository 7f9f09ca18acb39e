import CNNEngine

/// Rendering expressions back to Python for messages such as
/// "model.fit is not supported".
extension Expression: CustomStringConvertible {
  /// The expression as normalised Python source: single spaces around
  /// binary operators, single-quoted strings, parentheses only where
  /// precedence needs them. It is rebuilt from the AST, so it may differ in
  /// spacing, quoting and redundant parentheses from what the user typed;
  /// use `range` with `SourceRange.text(in:)` for the exact original text.
  public var canonicalSource: String {
    // The printer recurses once per level, up to the parser's depth limit.
    DeepStack.run { ExpressionPrinter.source(of: self) }
  }

  /// Same as `canonicalSource`.
  public var description: String { canonicalSource }
}

/// Precedence-aware rendering behind `Expression.canonicalSource`.
private enum ExpressionPrinter {
  // Higher binds tighter, mirroring Python's grammar levels.
  private static let lambdaLevel = 0
  private static let conditionalLevel = 1
  private static let orLevel = 2
  private static let andLevel = 3
  private static let notLevel = 4
  private static let comparisonLevel = 5
  private static let bitwiseOrLevel = 6
  private static let unaryLevel = 12
  private static let powerLevel = 13
  private static let atomLevel = 16

  private static func level(of operation: BinaryOperator) -> Int {
    switch operation {
    case .bitwiseOr: 6
    case .bitwiseXor: 7
    case .bitwiseAnd: 8
    case .leftShift, .rightShift: 9
    case .add, .subtract: 10
    case .multiply, .divide, .floorDivide, .modulo, .matrixMultiply: 11
    case .power: powerLevel
    }
  }

  private static func level(of expression: Expression) -> Int {
    switch expression.kind {
    case .lambda, .slice, .starred, .namedExpression, .yield, .yieldFrom: lambdaLevel
    case .conditional: conditionalLevel
    case .logical(.or, _, _): orLevel
    case .logical(.and, _, _): andLevel
    case .unary(.not, _): notLevel
    case .comparison: comparisonLevel
    case .binary(let operation, _, _): level(of: operation)
    case .unary: unaryLevel
    default: atomLevel
    }
  }

  /// Renders `expression`, parenthesized if it binds more loosely than `minimumLevel`.
  private static func render(_ expression: Expression, atLeast minimumLevel: Int) -> String {
    let text = source(of: expression)
    return level(of: expression) < minimumLevel ? "(\(text))" : text
  }

  static func source(of expression: Expression) -> String {
    switch expression.kind {
    case .name(let name):
      return name
    case .integer(let value):
      return String(value)
    case .bigInteger(let value):
      return String(value)
    case .float(let value):
      return value.description
    case .string(let text):
      return quoted(text)
    case .bytes(let bytes):
      return "b" + quoted(String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })))
    case .formattedString(let parts):
      return formattedString(parts)
    case .boolean(let value):
      return value ? "True" : "False"
    case .noneLiteral:
      return "None"
    case .ellipsis:
      return "..."
    case .tuple(let items):
      return items.count == 1 ? "(\(element(items[0])),)" : "(\(elements(items)))"
    case .list(let items):
      return "[\(elements(items))]"
    case .set(let items):
      return "{\(elements(items))}"
    case .dictionary(let entries):
      return "{" + entries.map(entry).joined(separator: ", ") + "}"
    case .comprehension(let kind, let element, let clauses):
      let body = render(element, atLeast: conditionalLevel) + comprehensionClauses(clauses)
      switch kind {
      case .list: return "[\(body)]"
      case .set: return "{\(body)}"
      case .generator: return "(\(body))"
      }
    case .dictionaryComprehension(let key, let value, let clauses):
      return
        "{\(render(key, atLeast: conditionalLevel)): \(render(value, atLeast: conditionalLevel))"
        + comprehensionClauses(clauses) + "}"
    case .starred(let inner):
      return "*" + render(inner, atLeast: bitwiseOrLevel)
    case .attribute(let base, let name, _):
      if case .integer = base.kind { return "(\(source(of: base))).\(name)" }
      return render(base, atLeast: atomLevel) + "." + name
    case .subscript(let base, let index):
      return render(base, atLeast: atomLevel) + "[" + subscriptIndex(index) + "]"
    case .slice(let lower, let upper, let step):
      let bound = { (part: Expression?) in part.map { render($0, atLeast: conditionalLevel) } ?? ""
      }
      return bound(lower) + ":" + bound(upper) + (step == nil ? "" : ":" + bound(step))
    case .call(let callee, let arguments):
      return render(callee, atLeast: atomLevel) + "(" + callArguments(arguments) + ")"
    case .unary(.not, let operand):
      return "not " + render(operand, atLeast: notLevel)
    case .unary(let operation, let operand):
      return operation.symbol + render(operand, atLeast: unaryLevel)
    case .binary(.power, let base, let exponent):
      return render(base, atLeast: powerLevel + 1) + " ** " + render(exponent, atLeast: unaryLevel)
    case .binary(let operation, let lhs, let rhs):
      let operationLevel = level(of: operation)
      return render(lhs, atLeast: operationLevel) + " \(operation.symbol) "
        + render(rhs, atLeast: operationLevel + 1)
    case .comparison(let first, let links):
      return links.reduce(render(first, atLeast: bitwiseOrLevel)) {
        $0 + " \($1.operation.symbol) " + render($1.operand, atLeast: bitwiseOrLevel)
      }
    case .logical(let operation, let lhs, let rhs):
      let operationLevel = operation == .or ? orLevel : andLevel
      return render(lhs, atLeast: operationLevel) + " \(operation.symbol) "
        + render(rhs, atLeast: operationLevel + 1)
    case .conditional(let condition, let ifTrue, let ifFalse):
      return render(ifTrue, atLeast: orLevel) + " if " + render(condition, atLeast: orLevel)
        + " else "
        + render(ifFalse, atLeast: lambdaLevel)
    case .namedExpression(let name, let value):
      return name + " := " + render(value, atLeast: lambdaLevel + 1)
    case .yield(let value):
      return value.map { "yield " + source(of: $0) } ?? "yield"
    case .yieldFrom(let source):
      return "yield from " + Self.source(of: source)
    case .lambda(let parameters, let body):
      var parameterList: [String] = []
      for (index, parameter) in parameters.enumerated() {
        // A keyword-only parameter right after the positional ones follows a bare `*`.
        if parameter.kind == .keywordOnly,
          index == 0 || parameters[index - 1].kind == .positional
        {
          parameterList.append("*")
        }
        let prefix =
          parameter.kind == .variadic ? "*" : parameter.kind == .variadicKeywords ? "**" : ""
        parameterList.append(
          prefix + parameter.name
            + (parameter.defaultValue.map { "=" + render($0, atLeast: conditionalLevel) } ?? ""))
      }
      let head =
        parameterList.isEmpty ? "lambda" : "lambda " + parameterList.joined(separator: ", ")
      return head + ": " + render(body, atLeast: lambdaLevel)
    }
  }

  private static func element(_ item: Expression) -> String {
    render(item, atLeast: lambdaLevel)
  }

  private static func elements(_ items: [Expression]) -> String {
    items.map(element).joined(separator: ", ")
  }

  private static func entry(_ entry: DictionaryEntry) -> String {
    switch entry {
    case .pair(let key, let value):
      return render(key, atLeast: conditionalLevel) + ": " + render(value, atLeast: lambdaLevel)
    case .unpacking(let mapping):
      return "**" + render(mapping, atLeast: bitwiseOrLevel)
    }
  }

  /// Targets are written without parentheses: `for i, x in ...`.
  private static func target(_ target: Expression) -> String {
    if case .tuple(let items) = target.kind, !items.isEmpty {
      return items.count == 1 ? element(items[0]) + "," : elements(items)
    }
    return render(target, atLeast: bitwiseOrLevel)
  }

  private static func comprehensionClauses(_ clauses: [ComprehensionClause]) -> String {
    clauses.map { clause in
      " for \(target(clause.target)) in \(render(clause.iterable, atLeast: orLevel))"
        + clause.conditions.map { " if " + render($0, atLeast: orLevel) }.joined()
    }.joined()
  }

  private static func subscriptIndex(_ index: Expression) -> String {
    if case .tuple(let items) = index.kind, !items.isEmpty {
      return items.count == 1 ? element(items[0]) + "," : elements(items)
    }
    return element(index)
  }

  private static func callArguments(_ arguments: [Argument]) -> String {
    if arguments.count == 1, case .positional = arguments[0].kind,
      case .comprehension(.generator, let element, let clauses) = arguments[0].value.kind
    {
      return render(element, atLeast: conditionalLevel) + comprehensionClauses(clauses)
    }
    return arguments.map { argument in
      switch argument.kind {
      case .positional: element(argument.value)
      case .keyword(let label): label + "=" + element(argument.value)
      case .unpackedIterable: "*" + render(argument.value, atLeast: conditionalLevel)
      case .unpackedMapping: "**" + render(argument.value, atLeast: conditionalLevel)
      }
    }.joined(separator: ", ")
  }

  // MARK: - Strings

  /// Python's `repr` of a string: single quotes unless the text contains
  /// only the other kind.
  private static func quoted(_ text: String, preferredQuote: Unicode.Scalar? = nil) -> String {
    let quote: Unicode.Scalar =
      preferredQuote
      ?? (text.unicodeScalars.contains("'") && !text.unicodeScalars.contains("\"") ? "\"" : "'")
    return String(quote) + escaped(text, quote: quote) + String(quote)
  }

  private static func escaped(_ text: String, quote: Unicode.Scalar) -> String {
    PythonFormat.escaped(text, quote: quote)
  }

  private static func formattedString(_ parts: [FormattedStringPart]) -> String {
    // Before Python 3.12 a field cannot contain the f-string's own quote.
    let fieldSources = parts.map { part in
      if case .replacement(let field) = part { return source(of: field.expression) }
      return ""
    }.joined()
    let quote: Unicode.Scalar = fieldSources.contains("'") ? "\"" : "'"
    return "f" + String(quote) + formattedParts(parts, quote: quote) + String(quote)
  }

  private static func formattedParts(_ parts: [FormattedStringPart], quote: Unicode.Scalar)
    -> String
  {
    parts.map { part in
      switch part {
      case .literal(let text):
        return escaped(text, quote: quote).replacingBraces()
      case .replacement(let field):
        var expression = render(field.expression, atLeast: conditionalLevel)
        if expression.hasPrefix("{") { expression = " " + expression }
        let conversion = field.conversion.map { "!" + String($0.rawValue) } ?? ""
        let spec =
          field.formatSpec.isEmpty ? "" : ":" + formattedParts(field.formatSpec, quote: quote)
        return "{" + expression + conversion + spec + "}"
      }
    }.joined()
  }
}

extension String {
  fileprivate func replacingBraces() -> String {
    var result = ""
    for character in self {
      switch character {
      case "{": result += "{{"
      case "}": result += "}}"
      default: result.append(character)
      }
    }
    return result
  }
}
