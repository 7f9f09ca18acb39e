import KerasCells
import Testing

/// Where errors point: a Keras error at the constructor call of the layer Keras blamed (when that
/// call is part of the failing statement), a Python error at the expression that failed, and a
/// ConvBook refusal at the construct it refuses.
@Suite struct ErrorLocationTests {
  struct Expected {
    var type: String?
    var text: String
    var line: Int
    var column: Int
  }

  func check(
    _ source: String, _ expected: Expected, setup: String = "",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let cells = CellRunner()
    cells.run(CellRunner.header + setup)
    let error = cells.run(source).error
    #expect(error != nil, sourceLocation: sourceLocation)
    guard let error else { return }
    #expect(error.type == expected.type, "\(error)", sourceLocation: sourceLocation)
    #expect(CellRunner.text(of: error, in: source) == expected.text, sourceLocation: sourceLocation)
    #expect(error.range.start.line == expected.line, sourceLocation: sourceLocation)
    #expect(error.range.start.column == expected.column, sourceLocation: sourceLocation)
  }

  static let shapeFailure = """
    model = keras.Sequential([
        keras.Input(shape=(6, 6, 1)),
        layers.Conv2D(16, 3),
        layers.MaxPooling2D(2),
        layers.Conv2D(32, 3),
    ])
    """

  @Test func shapeErrorPointsAtTheLayerInTheList() {
    check(
      Self.shapeFailure,
      Expected(type: "ValueError", text: "layers.Conv2D(32, 3)", line: 5, column: 5))
  }

  @Test func constructorErrorPointsAtTheConstructor() {
    check(
      "model = keras.Sequential([\n    layers.Dense(4, input_shape=(3,)),\n    layers.Dropout(1.5),\n])",
      Expected(type: "ValueError", text: "layers.Dropout(1.5)", line: 3, column: 5))
    check(
      "model = keras.Sequential([layers.Conv2D(8, 3, activaton='relu')])",
      Expected(
        type: "TypeError", text: "layers.Conv2D(8, 3, activaton='relu')", line: 1, column: 27))
  }

  @Test func addOfALayerMadeEarlierPointsAtTheAdd() {
    check(
      "model.add(conv)",
      Expected(type: "ValueError", text: "conv", line: 1, column: 11),
      setup:
        "model = keras.Sequential([keras.Input(shape=(2, 2, 1))])\nconv = layers.Conv2D(4, 3)\n")
    check(
      "model.add(layers.Conv2D(4, 3))",
      Expected(type: "ValueError", text: "layers.Conv2D(4, 3)", line: 1, column: 11),
      setup: "model = keras.Sequential([keras.Input(shape=(2, 2, 1))])\n")
  }

  @Test func buildPointsAtTheBuildCall() {
    check(
      "model.build((None, 2, 2, 1))",
      Expected(type: "ValueError", text: "model.build((None, 2, 2, 1))", line: 1, column: 1),
      setup: "model = keras.Sequential([layers.Conv2D(4, 3)])\n")
  }

  @Test func functionalCallPointsAtTheLayer() {
    check(
      "x = keras.Input(shape=(28, 28))\ny = layers.Conv2D(8, 3)(x)",
      Expected(type: "ValueError", text: "layers.Conv2D(8, 3)", line: 2, column: 5))
  }

  @Test func pythonErrorsPointAtTheExpression() {
    check(
      "print(undefined_name)",
      Expected(type: "NameError", text: "undefined_name", line: 1, column: 7))
    check(
      "layers.Conv4D(8, 3)", Expected(type: "AttributeError", text: "Conv4D", line: 1, column: 8))
    check(
      "print(model.layers[5])",
      Expected(type: "IndexError", text: "model.layers[5]", line: 1, column: 7),
      setup: "model = keras.Sequential([layers.Dense(1)])\n")
    check(
      "model.summary()", Expected(type: "ValueError", text: "model.summary()", line: 1, column: 1),
      setup: "model = keras.Sequential([layers.Dense(1)])\n")
  }

  @Test func refusalsPointAtWhatIsRefused() {
    check("async def block():\n    pass", Expected(type: nil, text: "async", line: 1, column: 1))
    check("import cv2", Expected(type: nil, text: "cv2", line: 1, column: 8))
    check(
      "(x, y), _ = keras.datasets.mnist.load_data()",
      Expected(type: nil, text: "keras.datasets.mnist.load_data()", line: 1, column: 13))
    check(
      "model.fit(1, 2)",
      Expected(type: "RuntimeError", text: "model.fit(1, 2)", line: 1, column: 1),
      setup: "model = keras.Sequential([layers.Dense(1, input_shape=(2,))])\n")
    check("m = keras.Model()", Expected(type: nil, text: "keras.Model()", line: 1, column: 5))
    check(
      "y = layers.Dense(2)(5)", Expected(type: nil, text: "layers.Dense(2)(5)", line: 1, column: 5))
    check(
      "y = x % 2", Expected(type: nil, text: "x % 2", line: 1, column: 5),
      setup: "x = keras.Input(shape=(3,))\n")
    check(
      "y = layers.Lambda(lambda t: t % 2)(x)",
      Expected(type: nil, text: "layers.Lambda(lambda t: t % 2)(x)", line: 1, column: 5),
      setup: "x = keras.Input(shape=(3,))\n")
    check(
      "print(model.weights[0])", Expected(type: nil, text: "model.weights[0]", line: 1, column: 7),
      setup: "model = keras.Sequential([layers.Dense(1, input_shape=(2,))])\n")
    check(
      "print(y)", Expected(type: nil, text: "y", line: 1, column: 7),
      setup: "x = keras.Input(shape=(3,))\ny = layers.LayerNormalization()(x)\n")
  }
}
