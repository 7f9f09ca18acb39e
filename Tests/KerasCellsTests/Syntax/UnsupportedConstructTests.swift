import KerasCells
import Testing

/// Valid Python that ConvBook does not run is rejected as `.unsupported`,
/// naming the construct and pointing at it.
@Suite struct UnsupportedConstructTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var source: String
    var construct: String
    var message: String
    /// Where the error points, as `line:column-line:column`.
    var span: String
    var testDescription: String { String(source.prefix(60)).debugDescription }
  }

  static let cases: [Case] = [
    Case(
      source: "x = 1\nasync def fetch():\n    pass\n", construct: "async",
      message: "async functions and loops (async) are not supported in ConvBook cells",
      span: "2:1-2:6"),
    Case(
      source: "@tf.function\nasync def step():\n    pass\n", construct: "async",
      message: "async functions and loops (async) are not supported in ConvBook cells",
      span: "2:1-2:6"),
    Case(
      // A generator function runs (`PythonGenerator`); a `yield` in a lambda does not.
      source: "f = lambda: (yield)\n", construct: "yield",
      message: "generator functions (yield) are not supported in ConvBook cells",
      span: "1:14-1:19"),
    Case(
      source: "z = 1 + 2j", construct: "complex literal",
      message: "complex number literals are not supported in ConvBook cells",
      span: "1:9-1:11"),
    Case(
      source: "n = 0x1" + String(repeating: "0", count: 262_144), construct: "large integer",
      message: "integer literals wider than 1048576 bits are not supported in ConvBook cells",
      span: "1:5-1:262152"),
    Case(
      source: "f = lambda a, /: a", construct: "lambda /",
      message: "'/' lambda parameters are not supported in ConvBook cells",
      span: "1:15-1:16"),
    Case(
      source: "s = '\\N{BULLET}'", construct: "\\N{...}",
      message: "named Unicode escapes (\\N{...}) are not supported in ConvBook cells",
      span: "1:5-1:17"),
    Case(
      // `match` runs (`Interpreter+Match`); a pattern with `as` inside a class pattern does not.
      source: "match command:\n    case Dense(units=int() as n):\n        pass\n",
      construct: "match",
      message: "match patterns of this form are not supported in ConvBook cells",
      span: "2:5-2:9"),
    Case(
      // Python 3.11's exception groups: `except*` (a plain `except` runs).
      source: "try:\n    pass\nexcept* ValueError as group:\n    pass\n",
      construct: "except*",
      message: "exception groups (except*) are not supported in ConvBook cells",
      span: "3:1-3:8"),
  ]

  @Test(arguments: cases)
  func rejectsWithTheConstructName(_ expected: Case) throws {
    let error = try parseError(expected.source)
    #expect(error.unsupportedConstruct == expected.construct)
    #expect(error.kind == .unsupported(construct: expected.construct))
    #expect(error.message == expected.message)
    #expect(span(error.range) == expected.span)
    #expect(error.pythonExceptionName == "SyntaxError")
  }

  @Test func pythonsOwnErrorsComeFirst() throws {
    // A syntax error anywhere beats an unsupported construct, as in Python
    // where the cell would not even compile.
    let error = try parseError("def f():\n    pass\nx = (1 2)\n")
    #expect(error.message == "invalid syntax. Perhaps you forgot a comma?")
    #expect(error.unsupportedConstruct == nil)
  }

  @Test func mistakesInsideUnsupportedStatementsGetPythonsErrors() throws {
    // Expectations from CPython 3.11: the bodies are parsed, not skipped.
    let cases: [(String, String, String)] = [
      ("def f(x):\n    return (1 2)\n", "invalid syntax. Perhaps you forgot a comma?", "2:13-2:16"),
      ("def f(x)\n    pass\n", "expected ':'", "1:9-1:9"),
      (
        "while x:\npass\n", "expected an indented block after 'while' statement on line 1",
        "2:1-2:5"
      ),
      (
        "def f():\npass\n", "expected an indented block after function definition on line 1",
        "2:1-2:5"
      ),
      (
        "class A:\npass\n", "expected an indented block after class definition on line 1", "2:1-2:5"
      ),
      ("try:\n    pass\nexcept ValueError as e\n    pass\n", "expected ':'", "3:23-3:23"),
      ("@tf.function\nx = 1\n", "invalid syntax", "2:1-2:2"),
    ]
    for (source, message, expectedSpan) in cases {
      let error = try parseError(source)
      #expect(error.message == message, "\(source)")
      #expect(span(error.range) == expectedSpan, "\(source)")
    }
  }

  @Test func earliestUnsupportedConstructIsReported() throws {
    let error = try parseError("x = 1j\ndef f():\n    pass\n")
    #expect(error.unsupportedConstruct == "complex literal")
  }

  @Test func compileTimeErrorsUsePythonsWords() throws {
    #expect(try parseError("return model").message == "'return' outside function")
    #expect(try parseError("continue").message == "'continue' not properly in loop")
    #expect(try parseError("f(units=1, units=2)").message == "keyword argument repeated: units")
    #expect(
      try parseError("lambda a, a: a").message == "duplicate argument 'a' in function definition")
    #expect(try parseError("a, *b, *c = d").message == "multiple starred expressions in assignment")
  }
}
