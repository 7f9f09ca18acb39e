import KerasCells
import Testing

/// `class`, `with` and decorators parse as CPython 3.11 parses them, and the mistakes in them
/// get CPython's messages at CPython's positions (recorded with `compile()` of CPython 3.11).
@Suite struct ClassWithDecoratorSyntaxTests {
  @Test func classStatementsParse() throws {
    let statement = try parseStatement(
      "@register\nclass Block(Base, metaclass=Meta):\n    units = 4\n    def call(self, x):\n        return x\n"
    )
    guard case .classDefinition(let definition) = statement.kind else {
      Issue.record("not a class: \(statement.kind)")
      return
    }
    #expect(definition.name == "Block")
    #expect(definition.arguments.count == 2)
    #expect(definition.arguments[1].label == "metaclass")
    #expect(definition.decorators.count == 1)
    #expect(definition.body.count == 2)
    #expect(span(statement.range) == "2:1-5:17")
    #expect(try PythonParser.parse("class A(): pass\nclass B: x = 1; y = 2\n").count == 2)
  }

  @Test func withStatementsParse() throws {
    let cases: [(String, [Bool])] = [
      ("with a as b, c as (d, e): pass\n", [true, true]),
      ("with (a as b, c):\n    pass\n", [true, false]),
      ("with (a, b) as c:\n    pass\n", [true]),
      ("with (a, b,):\n    pass\n", [false, false]),
      ("with tf.device('/CPU:0'):\n    pass\n", [false]),
    ]
    for (source, targets) in cases {
      let statement = try parseStatement(source)
      guard case .withStatement(let items, let body) = statement.kind else {
        Issue.record("not a with statement: \(source)")
        continue
      }
      #expect(items.map { $0.target != nil } == targets, "\(source)")
      #expect(body.count == 1)
    }
  }

  @Test func decoratedFunctionsKeepTheirDecorators() throws {
    let statement = try parseStatement("@dec\n@dec2(1)\ndef f(): pass\n")
    guard case .functionDefinition(let definition) = statement.kind else {
      Issue.record("not a def")
      return
    }
    #expect(definition.decorators.count == 2)
  }

  @Test func mistakesGetCPythonsErrors() throws {
    let cases: [(String, String, String)] = [
      ("class A\n    pass\n", "expected ':'", "1:8-1:8"),
      ("with a as b\n    pass\n", "expected ':'", "1:12-1:12"),
      ("with a as 1:\n    pass\n", "cannot assign to literal", "1:11-1:12"),
      ("with a as f():\n    pass\n", "cannot assign to function call", "1:11-1:14"),
      ("@\ndef f(): pass\n", "invalid syntax", "1:2-1:2"),
      ("class A:\n    return 1\n", "'return' outside function", "2:5-2:13"),
      ("for x in y:\n    class A:\n        break\n", "'break' outside loop", "3:9-3:14"),
      ("with a:\npass\n", "expected an indented block after 'with' statement on line 1", "2:1-2:5"),
      ("class A(x=1, 2): pass\n", "positional argument follows keyword argument", "1:15-1:16"),
      ("with a as b c:\n    pass\n", "invalid syntax", "1:13-1:14"),
      ("@dec x\ndef f(): pass\n", "invalid syntax", "1:6-1:7"),
      ("class 1A: pass\n", "invalid decimal literal", "1:7-1:7"),
      ("with (a as b) as c:\n  pass\n", "invalid syntax", "1:15-1:17"),
    ]
    for (source, message, expectedSpan) in cases {
      let error = try parseError(source)
      #expect(error.message == message, "\(source.debugDescription)")
      #expect(span(error.range) == expectedSpan, "\(source.debugDescription)")
    }
  }
}
