import KerasCells
import Testing

@Suite struct CanonicalSourceTests {
  /// Source that is already canonical comes back unchanged.
  @Test(arguments: [
    "model.fit", "keras.layers.Dense(10, activation='softmax')", "x[1:3, ::2]",
    "f(*args, **kwargs)",
    "a if b else c", "lambda x, y=1: x + y", "not (a and b)", "-(a + b)", "(a + b).shape",
    "(1).real",
    "[x for x in xs if x]", "{'a': [1, 2], **b}", "(x for x in xs)", "f'{a!r:>{w}} {{b}}'",
    "b'\\x00'",
    "'it\\'s \"quoted\"'", "\"it's\"", "1e-05", "0.5", "2.0", "x ** -1", "a < b < c",
    "a is not None",
    "(yield_, *rest)", "f(x for x in xs)",
  ])
  func roundTrips(_ source: String) throws {
    #expect(try PythonParser.parseExpression(source).canonicalSource == source)
  }

  @Test func normalisesSpacingQuotesAndParentheses() throws {
    let cases = [
      (
        "model.add( layers.Dense(64,activation = \"relu\") )",
        "model.add(layers.Dense(64, activation='relu'))"
      ),
      ("((a))", "a"),
      ("0xFF", "255"),
      ("1e-4", "0.0001"),
      ("'a\\tb'", "'a\\tb'"),
      ("'\\x01'", "'\\x01'"),
      ("f'{x=}'", "f'x={x!r}'"),
      ("a, b", "(a, b)"),
    ]
    for (source, canonical) in cases {
      #expect(try PythonParser.parseExpression(source).canonicalSource == canonical, "\(source)")
    }
  }

  @Test func descriptionIsTheCanonicalSource() throws {
    let expression = try PythonParser.parseExpression("model .fit")
    #expect("\(expression)" == "model.fit")
  }
}
