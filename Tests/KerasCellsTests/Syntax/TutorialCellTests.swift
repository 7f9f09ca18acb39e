import KerasCells
import Testing

@Suite struct TutorialCellTests {
  static let cell = """
    from tensorflow import keras
    model = keras.Sequential([
        keras.layers.Input(shape=(224, 224, 3)),
        keras.layers.Conv2D(32, (3, 3), activation='relu'),  # first block
        keras.layers.MaxPooling2D((2, 2), (2, 2)),
        keras.layers.Dense(10, activation='softmax'),
    ], name="flat")
    model.summary()
    print(model.count_params(), model.layers[-1].output_shape)

    """

  @Test func parsesIntoFourStatements() throws {
    let statements = try PythonParser.parse(Self.cell)
    #expect(
      statements.map(\.kind.description) == [
        "importNames", "assignment", "expression", "expression",
      ])
    #expect(statements.map { span($0.range) } == ["1:1-1:29", "2:1-7:16", "8:1-8:16", "9:1-9:59"])
  }

  @Test func sequentialCallStructure() throws {
    let statements = try PythonParser.parse(Self.cell)
    guard case .assignment(let targets, let value) = statements[1].kind,
      case .call(let sequential, let arguments) = value.kind
    else {
      Issue.record("expected model = keras.Sequential(...)")
      return
    }
    #expect(targets.map(\.kind) == [.name("model")])
    #expect(sequential.dottedName == "keras.Sequential")
    #expect(arguments.map(\.kind) == [.positional, .keyword("name")])
    #expect(arguments[1].value.kind == .string("flat"))
    guard case .list(let layers) = arguments[0].value.kind else {
      Issue.record("expected a list of layers")
      return
    }
    #expect(
      layers.map(\.canonicalSource) == [
        "keras.layers.Input(shape=(224, 224, 3))",
        "keras.layers.Conv2D(32, (3, 3), activation='relu')",
        "keras.layers.MaxPooling2D((2, 2), (2, 2))",
        "keras.layers.Dense(10, activation='softmax')",
      ])
    #expect(layers.map { span($0.range) } == ["3:5-3:44", "4:5-4:55", "5:5-5:46", "6:5-6:49"])
    guard case .call(let conv, let convArguments) = layers[1].kind else { return }
    #expect(conv.dottedName == "keras.layers.Conv2D")
    #expect(convArguments[0].value.kind == .integer(32))
    #expect(span(try #require(convArguments[2].labelRange)) == "4:37-4:47")
  }

  @Test func sourceRangesSliceTheOriginalText() throws {
    let statements = try PythonParser.parse(Self.cell)
    guard case .expression(let call) = statements[3].kind, case .call(_, let arguments) = call.kind
    else {
      Issue.record("expected print(...)")
      return
    }
    #expect(arguments[1].range.text(in: Self.cell) == "model.layers[-1].output_shape")
    #expect(statements[1].range.text(in: Self.cell).hasSuffix("], name=\"flat\")"))
  }

  @Test func highlightingColoursTheComment() {
    let comments = PythonTokenizer.highlightTokens(Self.cell).filter { $0.kind == .comment }
    #expect(comments.map(\.text) == ["# first block"])
    #expect(comments.map { span($0.range) } == ["4:58-4:71"])
  }
}
