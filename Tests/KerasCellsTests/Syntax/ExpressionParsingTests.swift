import KerasCells
import Testing

@Suite struct ExpressionParsingTests {
  func parse(_ source: String) throws -> Expression {
    try PythonParser.parseExpression(source)
  }

  /// The canonical rendering, which shows how the parser grouped things.
  func grouped(_ source: String) throws -> String {
    try parse(source).canonicalSource
  }

  @Test func numbers() throws {
    #expect(try parse("11_574_090").kind == .integer(11_574_090))
    #expect(try parse("0xFF").kind == .integer(255))
    #expect(try parse("0o17").kind == .integer(15))
    #expect(try parse("0b101").kind == .integer(5))
    #expect(try parse("1e-4").kind == .float(1e-4))
    #expect(try parse(".5").kind == .float(0.5))
    #expect(try parse("2.").kind == .float(2))
    #expect(try parse("1_000.5").kind == .float(1000.5))
    guard case .binary(.multiply, let lhs, let rhs) = try parse("7*7*256").kind else {
      Issue.record("expected a product")
      return
    }
    #expect(lhs.canonicalSource == "7 * 7")
    #expect(rhs.kind == .integer(256))
  }

  @Test func negativeNumbersAreUnaryMinus() throws {
    let expression = try parse("-1")
    #expect(
      expression.kind
        == .unary(
          .negate,
          Expression(
            .integer(1), range: SourceRange(start: firstLine(column: 2), end: firstLine(column: 3)))
        ))
    #expect(span(expression.range) == "1:1-1:3")
  }

  @Test func strings() throws {
    #expect(try parse("'relu'").kind == .string("relu"))
    #expect(try parse(#""it's""#).kind == .string("it's"))
    #expect(try parse(#"'a\tb\n\x41\u00e9\101'"#).kind == .string("a\tb\nAéA"))
    #expect(try parse(#"r'\d+\n'"#).kind == .string(#"\d+\n"#))
    #expect(try parse(#"'\q'"#).kind == .string(#"\q"#))
    #expect(try parse("'''multi\nline'''").kind == .string("multi\nline"))
    #expect(try parse("b'\\x00A'").kind == .bytes([0, 65]))
  }

  @Test func adjacentStringsAreJoined() throws {
    let expression = try parse("('conv'\n '2d' \"_1\")")
    #expect(expression.kind == .string("conv2d_1"))
    #expect(span(expression.range) == "1:2-2:11")
  }

  @Test func formattedStrings() throws {
    let expression = try parse("f'Params: {model.count_params():,} ({ratio!r:>{width}}) {{x}}'")
    guard case .formattedString(let parts) = expression.kind, parts.count == 5 else {
      Issue.record("unexpected \(expression)")
      return
    }
    #expect(parts[0] == .literal("Params: "))
    guard case .replacement(let count) = parts[1], case .replacement(let ratio) = parts[3] else {
      Issue.record("expected fields")
      return
    }
    #expect(count.expression.canonicalSource == "model.count_params()")
    #expect(count.formatSpec == [.literal(",")])
    #expect(count.conversion == nil)
    #expect(span(count.expression.range) == "1:12-1:32")
    #expect(span(count.range) == "1:11-1:35")
    #expect(ratio.conversion == .repr)
    guard case .replacement(let width) = ratio.formatSpec.last else {
      Issue.record("expected a nested field")
      return
    }
    #expect(ratio.formatSpec.first == .literal(">"))
    #expect(width.expression.kind == .name("width"))
    #expect(parts[4] == .literal(") {x}"))
  }

  @Test func selfDocumentingFieldsExpandLikePython() throws {
    let expression = try parse("f'{lr=}'")
    guard case .formattedString(let parts) = expression.kind,
      case .replacement(let field) = parts.last
    else {
      Issue.record("unexpected \(expression)")
      return
    }
    #expect(parts.first == .literal("lr="))
    #expect(field.conversion == .repr)
  }

  @Test func plainStringsMergeIntoFormattedStrings() throws {
    let expression = try parse("'a' f'{b}' 'c'")
    #expect(expression.canonicalSource == "f'a{b}c'")
  }

  @Test func literalsAndDisplays() throws {
    #expect(try parse("True").kind == .boolean(true))
    #expect(try parse("None").kind == .noneLiteral)
    #expect(try parse("...").kind == .ellipsis)
    #expect(try grouped("(224, 224, 3)") == "(224, 224, 3)")
    #expect(try grouped("(1,)") == "(1,)")
    #expect(try grouped("()") == "()")
    #expect(try grouped("[1, 2, 3,]") == "[1, 2, 3]")
    #expect(try grouped("{'a': 1, **rest}") == "{'a': 1, **rest}")
    #expect(try grouped("{1, 2}") == "{1, 2}")
    #expect(try grouped("[*a, b]") == "[*a, b]")
    guard case .tuple(let items) = try parse("(224, 224, 3)").kind else {
      Issue.record("expected a tuple")
      return
    }
    #expect(items.map(\.kind) == [.integer(224), .integer(224), .integer(3)])
  }

  @Test func callsWithKeywordArguments() throws {
    let call = try parse("layers.Conv2D(32, (3, 3), activation='relu', *args, **kwargs,)")
    guard case .call(let callee, let arguments) = call.kind else {
      Issue.record("expected a call")
      return
    }
    #expect(callee.dottedName == "layers.Conv2D")
    #expect(
      arguments.map(\.kind) == [
        .positional, .positional, .keyword("activation"), .unpackedIterable, .unpackedMapping,
      ])
    #expect(arguments[2].label == "activation")
    #expect(span(try #require(arguments[2].labelRange)) == "1:27-1:37")
    #expect(span(arguments[2].range) == "1:27-1:44")
    #expect(arguments[2].value.kind == .string("relu"))
    #expect(span(arguments[3].range) == "1:46-1:51")
    #expect(span(call.range) == "1:1-1:63")
  }

  @Test func generatorArgument() throws {
    let call = try parse("sum(p.count_params() for p in layers)")
    guard case .call(_, let arguments) = call.kind,
      case .comprehension(.generator, _, let clauses) = arguments[0].value.kind
    else {
      Issue.record("expected a generator argument")
      return
    }
    #expect(clauses.count == 1)
    #expect(call.canonicalSource == "sum(p.count_params() for p in layers)")
  }

  @Test func attributesRecordTheNameRange() throws {
    let expression = try parse("model.layers[-1].output_shape")
    guard case .attribute(let base, let name, let nameRange) = expression.kind else {
      Issue.record("expected an attribute")
      return
    }
    #expect(name == "output_shape")
    #expect(span(nameRange) == "1:18-1:30")
    guard case .subscript(let list, let index) = base.kind else {
      Issue.record("expected a subscript")
      return
    }
    #expect(list.dottedName == "model.layers")
    #expect(index.canonicalSource == "-1")
    #expect(expression.dottedName == nil)
  }

  @Test func slices() throws {
    #expect(try grouped("a[1:3]") == "a[1:3]")
    #expect(try grouped("a[::2]") == "a[::2]")
    #expect(try grouped("x[:, 0]") == "x[:, 0]")
    #expect(try grouped("x[..., 1:]") == "x[..., 1:]")
    guard case .subscript(_, let index) = try parse("a[1:3]").kind,
      case .slice(let lower, let upper, let step) = index.kind
    else {
      Issue.record("expected a slice")
      return
    }
    #expect(lower?.kind == .integer(1))
    #expect(upper?.kind == .integer(3))
    #expect(step == nil)
    #expect(span(index.range) == "1:3-1:6")
  }

  @Test func precedence() throws {
    #expect(try grouped("1 + 2 * 3 ** -2 ** 2") == "1 + 2 * 3 ** -2 ** 2")
    #expect(try grouped("(1 + 2) * 3") == "(1 + 2) * 3")
    #expect(try grouped("-x ** 2") == "-x ** 2")
    #expect(try grouped("(-x) ** 2") == "(-x) ** 2")
    #expect(try grouped("a - (b - c)") == "a - (b - c)")
    #expect(try grouped("a - b - c") == "a - b - c")
    #expect(try grouped("a // b % c @ d") == "a // b % c @ d")
    #expect(try grouped("not a == b and c or d") == "not a == b and c or d")
    #expect(try grouped("(a or b) and c") == "(a or b) and c")
    #expect(try grouped("a if b else c if d else e") == "a if b else c if d else e")
    #expect(try grouped("(a if b else c) if d else e") == "(a if b else c) if d else e")
    #expect(try grouped("x | y ^ z & w << 2") == "x | y ^ z & w << 2")
  }

  @Test func parenthesizedOperandsWidenTheRangeLikeCPython() throws {
    let expression = try parse("(1 + 2) * 3")
    #expect(span(expression.range) == "1:1-1:12")
    guard case .binary(_, let sum, _) = expression.kind else { return }
    #expect(span(sum.range) == "1:2-1:7")
  }

  @Test func comparisonChains() throws {
    guard
      case .comparison(let first, let links) = try parse("0 < x <= 10 != y not in s is not None")
        .kind
    else {
      Issue.record("expected a comparison")
      return
    }
    #expect(first.kind == .integer(0))
    #expect(
      links.map(\.operation) == [.less, .lessOrEqual, .notEqual, .notMemberOf, .notIdentical])
    #expect(try grouped("a in b") == "a in b")
  }

  @Test func logicalOperatorsNestToTheLeft() throws {
    guard case .logical(.or, let lhs, let rhs) = try parse("a or b or c").kind else {
      Issue.record("expected or")
      return
    }
    #expect(lhs.canonicalSource == "a or b")
    #expect(rhs.kind == .name("c"))
  }

  @Test func conditionalExpression() throws {
    guard
      case .conditional(let condition, let ifTrue, let ifFalse) = try parse(
        "'relu' if deep else None"
      ).kind
    else {
      Issue.record("expected a conditional")
      return
    }
    #expect(condition.kind == .name("deep"))
    #expect(ifTrue.kind == .string("relu"))
    #expect(ifFalse.kind == .noneLiteral)
  }

  @Test func lambdas() throws {
    guard case .lambda(let parameters, let body) = try parse("lambda x, scale=2: x * scale").kind
    else {
      Issue.record("expected a lambda")
      return
    }
    #expect(parameters.map(\.name) == ["x", "scale"])
    #expect(parameters[1].defaultValue?.kind == .integer(2))
    #expect(body.canonicalSource == "x * scale")
    #expect(try grouped("lambda: 0") == "lambda: 0")
  }

  @Test func comprehensions() throws {
    #expect(
      try grouped("[n ** 2 for n in range(10) if n % 2 == 0]")
        == "[n ** 2 for n in range(10) if n % 2 == 0]")
    #expect(try grouped("{k: v for k, v in pairs}") == "{k: v for k, v in pairs}")
    #expect(try grouped("{x for x in xs}") == "{x for x in xs}")
    #expect(try grouped("[(i, j) for i in a for j in b]") == "[(i, j) for i in a for j in b]")
    guard
      case .comprehension(.list, _, let clauses) = try parse(
        "[x for i, x in enumerate(xs) if x if i]"
      ).kind
    else {
      Issue.record("expected a list comprehension")
      return
    }
    #expect(clauses[0].target.canonicalSource == "(i, x)")
    #expect(clauses[0].conditions.count == 2)
  }

  @Test func parseExpressionRejectsStatements() throws {
    #expect(throws: PythonSyntaxError.self) { try PythonParser.parseExpression("x = 1") }
    #expect(throws: PythonSyntaxError.self) { try PythonParser.parseExpression("") }
    #expect(try PythonParser.parseExpression("a, b  # pair\n").canonicalSource == "(a, b)")
  }
}
