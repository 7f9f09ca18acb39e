import KerasCells
import Testing

/// One syntax error case with what CPython 3.11 reports for it.
struct PythonErrorCase: CustomTestStringConvertible, Sendable {
  var source: String
  var kind: PythonSyntaxError.Kind
  var message: String
  var line: Int
  var column: Int

  init(
    _ source: String, _ kind: PythonSyntaxError.Kind, _ message: String, _ line: Int, _ column: Int
  ) {
    self.source = source
    self.kind = kind
    self.message = message
    self.line = line
    self.column = column
  }

  var testDescription: String { source.debugDescription }
}

/// The expectations were produced by CPython 3.11 itself
/// (`compile(source, "f.py", "exec")`, taking `msg`, `lineno`, `offset`), so
/// messages and caret positions are Python's, not ours.
@Suite struct PythonSyntaxErrorTests {
  static let cases: [PythonErrorCase] = [
    PythonErrorCase("foo(\n  1,\n", .syntaxError, "'(' was never closed", 1, 4),
    PythonErrorCase("x = )", .syntaxError, "unmatched ')'", 1, 5),
    PythonErrorCase(
      "x = (1, 2]", .syntaxError, "closing parenthesis ']' does not match opening parenthesis '('",
      1, 10),
    PythonErrorCase(
      "x = (1,\n  2]", .syntaxError,
      "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 4),
    PythonErrorCase("x = [1, 2\ny = 3", .syntaxError, "'[' was never closed", 1, 5),
    PythonErrorCase(
      "model = keras.Sequential([\n    keras.Input(shape=(8,)),\n    layers.Dense(4,\n])\n",
      .syntaxError, "closing parenthesis ']' does not match opening parenthesis '(' on line 3", 4, 1
    ),
    PythonErrorCase("print(model.summary()", .syntaxError, "'(' was never closed", 1, 6),
    PythonErrorCase(
      "s = \"abc\nx = 1", .syntaxError, "unterminated string literal (detected at line 1)", 1, 5),
    PythonErrorCase(
      "x = '''abc\n\ny", .syntaxError,
      "unterminated triple-quoted string literal (detected at line 3)", 1, 5),
    PythonErrorCase(
      "x = f'abc", .syntaxError, "unterminated string literal (detected at line 1)", 1, 5),
    PythonErrorCase("x = 1abc", .syntaxError, "invalid decimal literal", 1, 5),
    PythonErrorCase("x = 1_", .syntaxError, "invalid decimal literal", 1, 6),
    PythonErrorCase("x = 1__0", .syntaxError, "invalid decimal literal", 1, 6),
    PythonErrorCase("x = 0x", .syntaxError, "invalid hexadecimal literal", 1, 6),
    PythonErrorCase("x = 0x1g", .syntaxError, "invalid hexadecimal literal", 1, 7),
    PythonErrorCase("x = 0b102", .syntaxError, "invalid digit '2' in binary literal", 1, 9),
    PythonErrorCase("x = 0o8", .syntaxError, "invalid digit '8' in octal literal", 1, 7),
    PythonErrorCase(
      "x = 0777", .syntaxError,
      "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
      1, 5),
    PythonErrorCase("x = 1e", .syntaxError, "invalid decimal literal", 1, 5),
    PythonErrorCase("x = 1.5e+", .syntaxError, "invalid decimal literal", 1, 9),
    PythonErrorCase("x = 3 € 4", .syntaxError, "invalid character '€' (U+20AC)", 1, 7),
    PythonErrorCase("x = $", .syntaxError, "invalid syntax", 1, 5),
    PythonErrorCase(
      "x = 1 \\ 2", .syntaxError, "unexpected character after line continuation character", 1, 8),
    PythonErrorCase("x = 5 \\", .syntaxError, "unexpected EOF while parsing", 1, 8),
    PythonErrorCase("  x = 1", .indentationError, "unexpected indent", 1, 2),
    PythonErrorCase("x = 1\n  y = 2", .indentationError, "unexpected indent", 2, 2),
    PythonErrorCase(
      "for x in y:\npass", .indentationError,
      "expected an indented block after 'for' statement on line 1", 2, 1),
    PythonErrorCase(
      "if x:\n    a\n  b", .indentationError, "unindent does not match any outer indentation level",
      3, 4),
    PythonErrorCase(
      "if x:\n\ta = 1\n        b = 2", .tabError,
      "inconsistent use of tabs and spaces in indentation", 3, 1),
    PythonErrorCase(
      "for x in y:\n", .indentationError,
      "expected an indented block after 'for' statement on line 1", 1, 12),
    PythonErrorCase(
      "if x:\n    pass\nelse:\npass", .indentationError,
      "expected an indented block after 'else' statement on line 3", 4, 1),
    PythonErrorCase("for x in y\n    pass", .syntaxError, "expected ':'", 1, 11),
    PythonErrorCase("if x\n    pass", .syntaxError, "expected ':'", 1, 5),
    PythonErrorCase("for x in y  # comment\n    pass", .syntaxError, "expected ':'", 1, 13),
    PythonErrorCase("if x:\n    pass\nelse\n    pass", .syntaxError, "expected ':'", 3, 5),
    PythonErrorCase("a b", .syntaxError, "invalid syntax", 1, 3),
    PythonErrorCase("x = 1 +", .syntaxError, "invalid syntax", 1, 8),
    PythonErrorCase("x = 1.2.3", .syntaxError, "invalid syntax", 1, 8),
    PythonErrorCase("x = [1, 2,, 3]", .syntaxError, "invalid syntax", 1, 11),
    PythonErrorCase("else:\n    pass", .syntaxError, "invalid syntax", 1, 1),
    PythonErrorCase("import", .syntaxError, "invalid syntax", 1, 7),
    PythonErrorCase("from x import", .syntaxError, "invalid syntax", 1, 14),
    PythonErrorCase("x = a[1:2:3:4]", .syntaxError, "invalid syntax", 1, 12),
    PythonErrorCase(
      "print 'hello'", .syntaxError,
      "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
    // Python 2's except clause, from CPython's `invalid_except_stmt`.
    PythonErrorCase(
      "try:\n    pass\nexcept Exception, e:\n    pass\n", .syntaxError,
      "multiple exception types must be parenthesized", 3, 8),
    PythonErrorCase(
      "try:\n    pass\nexcept A, B as e:\n    pass\n", .syntaxError,
      "multiple exception types must be parenthesized", 3, 8),
    PythonErrorCase("try:\n    pass\nexcept A,:\n    pass\n", .syntaxError, "invalid syntax", 3, 9),
    PythonErrorCase(
      "x = foo(a b)", .syntaxError, "invalid syntax. Perhaps you forgot a comma?", 1, 9),
    PythonErrorCase(
      "model = keras.Sequential([\n    layers.Dense(1)\n    layers.Dense(2),\n])", .syntaxError,
      "invalid syntax. Perhaps you forgot a comma?", 2, 5),
    PythonErrorCase("x = a if b", .syntaxError, "expected 'else' after 'if' expression", 1, 5),
    PythonErrorCase(
      "if x = 1:\n    pass", .syntaxError,
      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4),
    PythonErrorCase(
      "f() = 1", .syntaxError,
      "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
    PythonErrorCase(
      "1 = x", .syntaxError, "cannot assign to literal here. Maybe you meant '==' instead of '='?",
      1, 1),
    PythonErrorCase("None = 1", .syntaxError, "cannot assign to None", 1, 1),
    PythonErrorCase("x = f() = 1", .syntaxError, "cannot assign to function call", 1, 5),
    PythonErrorCase(
      "a, f() = 1, 2", .syntaxError,
      "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4),
    PythonErrorCase(
      "f() += 1", .syntaxError, "'function call' is an illegal expression for augmented assignment",
      1, 1),
    PythonErrorCase(
      "a, b += 1", .syntaxError, "'tuple' is an illegal expression for augmented assignment", 1, 1),
    PythonErrorCase(
      "for f() in x:\n    pass", .syntaxError, "cannot assign to function call", 1, 5),
    PythonErrorCase("for 1 in x:\n    pass", .syntaxError, "cannot assign to literal", 1, 5),
    PythonErrorCase(
      "f(a=1, 2)", .syntaxError, "positional argument follows keyword argument", 1, 9),
    PythonErrorCase(
      "f(**k, *a)", .syntaxError, "iterable argument unpacking follows keyword argument unpacking",
      1, 8),
    PythonErrorCase("f(a, a=1, a=2)", .syntaxError, "keyword argument repeated: a", 1, 11),
    PythonErrorCase(
      "f(1 = 2)", .syntaxError, "expression cannot contain assignment, perhaps you meant \"==\"?",
      1, 3),
    PythonErrorCase("f(True=1)", .syntaxError, "cannot assign to True", 1, 3),
    PythonErrorCase(
      "f(x for x in y, 1)", .syntaxError, "Generator expression must be parenthesized", 1, 3),
    PythonErrorCase("x = {'a': 1, 'b'}", .syntaxError, "':' expected after dictionary key", 1, 16),
    PythonErrorCase(
      "x = {'a': }", .syntaxError, "expression expected after dictionary key and ':'", 1, 9),
    PythonErrorCase(
      "from x import a,", .syntaxError,
      "trailing comma not allowed without surrounding parentheses", 1, 17),
    PythonErrorCase(
      "[a, b for a, b in pairs]", .syntaxError,
      "did you forget parentheses around the comprehension target?", 1, 2),
    PythonErrorCase(
      "x = lambda a=1, b: 1", .syntaxError, "non-default argument follows default argument", 1, 17),
    PythonErrorCase("return 1", .syntaxError, "'return' outside function", 1, 1),
    PythonErrorCase("break", .syntaxError, "'break' outside loop", 1, 1),
    PythonErrorCase("x = yield 1", .syntaxError, "'yield' outside function", 1, 5),
    PythonErrorCase("x = *a", .syntaxError, "can't use starred expression here", 1, 5),
    // The compiler's checks of `case` patterns (the last pattern node it visited).
    PythonErrorCase(
      "match v:\n    case [x, x]:\n        pass\n", .syntaxError,
      "multiple assignments to name 'x' in pattern", 2, 14),
    PythonErrorCase(
      "match v:\n    case x as x:\n        pass\n", .syntaxError,
      "multiple assignments to name 'x' in pattern", 2, 10),
    PythonErrorCase(
      "match v:\n    case [x, *x]:\n        pass\n", .syntaxError,
      "multiple assignments to name 'x' in pattern", 2, 14),
    PythonErrorCase(
      "match v:\n    case {'a': x, **x}:\n        pass\n", .syntaxError,
      "multiple assignments to name 'x' in pattern", 2, 16),
    PythonErrorCase(
      "match v:\n    case 1 | x:\n        pass\n    case 2:\n        pass\n", .syntaxError,
      "name capture 'x' makes remaining patterns unreachable", 2, 14),
    PythonErrorCase(
      "match v:\n    case [1, x] | [y, 2]:\n        pass\n", .syntaxError,
      "alternative patterns bind different names", 2, 23),
    PythonErrorCase(
      "match v:\n    case _:\n        pass\n    case 2:\n        pass\n", .syntaxError,
      "wildcard makes remaining patterns unreachable", 2, 10),
    PythonErrorCase(
      "match v:\n    case x:\n        pass\n    case y if y:\n        pass\n", .syntaxError,
      "name capture 'x' makes remaining patterns unreachable", 2, 10),
    PythonErrorCase(
      "def f(v):\n    match v:\n        case [a, [b, [c, a]]]:\n            return a\n",
      .syntaxError, "multiple assignments to name 'a' in pattern", 3, 26),
  ]

  @Test(arguments: cases)
  func matchesCPython(_ expected: PythonErrorCase) throws {
    let error = try parseError(expected.source)
    #expect(error.message == expected.message)
    #expect(error.kind == expected.kind)
    #expect(error.range.start.line == expected.line)
    #expect(error.range.start.column == expected.column)
  }

  @Test func exceptionNamesFollowTheKind() {
    #expect(
      PythonSyntaxError(.syntaxError, "m", at: SourceRange(at: firstLine(column: 1)))
        .pythonExceptionName == "SyntaxError")
    #expect(
      PythonSyntaxError(.indentationError, "m", at: SourceRange(at: firstLine(column: 1)))
        .pythonExceptionName == "IndentationError")
    #expect(
      PythonSyntaxError(.tabError, "m", at: SourceRange(at: firstLine(column: 1)))
        .pythonExceptionName == "TabError")
  }

  @Test func errorRangesCoverTheOffendingTokens() throws {
    let comma = try #require(throws: PythonSyntaxError.self) {
      try PythonParser.parse("layers = [Dense(1)\n          Dense(2)]")
    }
    #expect(comma.range.start == firstLine(column: 11))
    #expect(comma.range.end.line == 2 && comma.range.end.column == 19)

    let print = try #require(throws: PythonSyntaxError.self) {
      try PythonParser.parse("print 'hello', x")
    }
    #expect(print.range.start.column == 1 && print.range.end.column == 17)

    // CPython: `except (A, B), e:` marks columns 8 to 17 of line 3.
    let except = try #require(throws: PythonSyntaxError.self) {
      try PythonParser.parse("try:\n    pass\nexcept (A, B), e:\n    pass\n")
    }
    #expect(except.range.start.line == 3 && except.range.start.column == 8)
    #expect(except.range.end.column == 17)

    // Errors at the end of a line mark a point, as CPython's do.
    let colon = try #require(throws: PythonSyntaxError.self) {
      try PythonParser.parse("for x in y\n    pass")
    }
    #expect(colon.range.isEmpty)
  }

  @Test func reportReadsLikeATraceback() throws {
    let source = "model = keras.Sequential([\n    layers.Dense(4,\n])\n"
    let error = try #require(throws: PythonSyntaxError.self) { try PythonParser.parse(source) }
    #expect(
      error.report(source: source) == """
        line 3
            ])
            ^
        SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 2
        """)
  }

  @Test func tokenizerErrorsWinOverEarlierParseErrors() throws {
    // CPython re-tokenizes the rest of the cell after a parse error.
    let error = try #require(throws: PythonSyntaxError.self) {
      try PythonParser.parse("a b\nx = 'oops")
    }
    #expect(error.message == "unterminated string literal (detected at line 2)")
  }

  @Test func unexpectedIndentIsReportedWithoutLookingFurther() throws {
    let error = try #require(throws: PythonSyntaxError.self) {
      try PythonParser.parse("x = 1\n    y = 2\nz = )")
    }
    #expect(error.message == "unexpected indent")
    #expect(error.range.start.line == 2)
  }

  @Test func fStringErrorsUseCPythonMessagesAtTheRealPosition() throws {
    // CPython 3.11 reports these relative to a copy of the field; we point into the cell.
    let cases: [(String, String, Int)] = [
      ("x = f'{}'", "f-string: empty expression not allowed", 8),
      ("x = f'{a'", "f-string: expecting '}'", 9),
      ("x = f'}'", "f-string: single '}' is not allowed", 7),
      ("x = f'{a!x}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 10),
      ("x = f'{a b}'", "f-string: invalid syntax. Perhaps you forgot a comma?", 8),
      ("x = f'{a:{b:{c}}}'", "f-string: expressions nested too deeply", 13),
      ("x = f'{#}'", "f-string expression part cannot include '#'", 8),
      ("x = f'{=x}'", "f-string: expression required before '='", 8),
    ]
    for (source, message, column) in cases {
      let error = try #require(throws: PythonSyntaxError.self) { try PythonParser.parse(source) }
      #expect(error.message == message, "\(source)")
      #expect(error.range.start.column == column, "\(source)")
    }
  }
}
