import ConvBookCore
import KerasCells
import Testing

/// The helpers bound while exercise expressions are evaluated, and the measured descriptions of
/// requirements.
@Suite struct ExerciseHelpersTests {
  static func session() -> KerasSession {
    let session = KerasSession(kerasVersion: .keras2)
    let result = session.run(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      m = keras.Sequential([keras.Input(shape=(8, 8, 3)), layers.Conv2D(4, 3), layers.MaxPool2D(), layers.Flatten(), layers.Dense(2)])
      """)
    #expect(result.error == nil)
    return session
  }

  static func evaluate(_ source: String, in session: KerasSession = session()) throws(CellError)
    -> Value
  {
    try session.evaluate(
      try KerasSession.parseExpression(source), extraNames: ExerciseHelpers.names)
  }

  @Test func usesAcceptsNamesAliasesAndClasses() throws {
    let session = Self.session()
    #expect(PythonValueText.repr(try Self.evaluate("uses(m, 'Flatten')", in: session)) == "True")
    #expect(
      PythonValueText.repr(try Self.evaluate("uses(m, 'MaxPooling2D')", in: session)) == "True")
    #expect(PythonValueText.repr(try Self.evaluate("uses(m, 'MaxPool2D')", in: session)) == "True")
    #expect(PythonValueText.repr(try Self.evaluate("uses(m, layers.Dense)", in: session)) == "True")
    #expect(
      PythonValueText.repr(try Self.evaluate("not uses(m, 'GlobalAveragePooling2D')", in: session))
        == "True")
  }

  @Test func countCountsLayersOfAClassInChainsAndGraphs() throws {
    let session = Self.session()
    let result = session.run(
      """
      inputs = keras.Input(shape=(8, 8, 4))
      x = layers.add([layers.Conv2D(4, 3, padding="same")(inputs), inputs])
      y = layers.add([layers.Conv2D(4, 1)(x), x])
      g = keras.Model(inputs, layers.concatenate([x, y]))
      """)
    #expect(result.error == nil)
    #expect(PythonValueText.repr(try Self.evaluate("count(g, 'Add')", in: session)) == "2")
    #expect(PythonValueText.repr(try Self.evaluate("count(g, layers.Conv2D)", in: session)) == "2")
    #expect(PythonValueText.repr(try Self.evaluate("count(g, 'Concatenate')", in: session)) == "1")
    #expect(PythonValueText.repr(try Self.evaluate("count(m, 'MaxPool2D')", in: session)) == "1")
    #expect(PythonValueText.repr(try Self.evaluate("count(m, 'Add')", in: session)) == "0")
    do {
      _ = try Self.evaluate("count(m, 'Ad')", in: session)
      Issue.record("expected an error")
    } catch {
      #expect(error.type == "ValueError")
      #expect(error.message.contains("count(): 'Ad' is not a Keras layer class"))
    }
  }

  @Test func usesRejectsUnknownClassesAtTheArgument() {
    do {
      _ = try Self.evaluate("uses(m, 'Flaten')")
      Issue.record("expected an error")
    } catch {
      #expect(error.type == "ValueError")
      #expect(error.message.contains("'Flaten' is not a Keras layer class"))
      #expect(error.range.start.column == 9)
    }
  }

  @Test func paramsAndMacs() throws {
    // Conv2D: 3*3*3*4 + 4 = 112 params, 6*6*4*27 = 3,888 MACs; Dense: 36*2 + 2 = 74 params, 72 MACs.
    #expect(PythonValueText.repr(try Self.evaluate("params(m)")) == "186")
    #expect(PythonValueText.repr(try Self.evaluate("params(m) == m.count_params()")) == "True")
    #expect(PythonValueText.repr(try Self.evaluate("macs(m)")) == "3960")
    #expect(PythonValueText.repr(try Self.evaluate("params(m.layers[0])")) == "112")
  }

  @Test func wrongArgumentsAreTypeErrors() {
    do {
      _ = try Self.evaluate("macs(m, m)")
      Issue.record("expected an error")
    } catch {
      #expect(error.type == "TypeError")
      #expect(error.message.contains("macs() takes exactly 1 argument"))
    }
  }

  @Test func requirementsDescribeWhatWasMeasured() throws {
    let session = Self.session()
    guard case .model(let model)? = session.globals["m"] else {
      Issue.record("no model")
      return
    }
    func summary(_ requirement: String) throws -> RequirementResult {
      let text = ExerciseText(text: requirement, line: 1, column: 1, lineText: requirement)
      return RequirementEvaluator.evaluate(
        text, parsed: try KerasSession.parseExpression(requirement), on: model, in: session)
    }
    #expect(try summary("model.count_params() < 100").summary == "params 186 — must be < 100")
    #expect(try summary("params(model) <= 50_000").summary == "params 186 — must be <= 50,000")
    #expect(try summary("macs(model) < 2e8").summary == "MACs 3,960 — must be < 200,000,000")
    #expect(
      try summary("model.output_shape == (None, 10)").summary
        == "output shape (None, 2) — must be (None, 10)")
    #expect(
      try summary("not uses(model, 'Flatten')").summary
        == "uses Flatten: yes — must not use Flatten")
    #expect(try summary("uses(model, 'Conv2D')").summary == "uses Conv2D: yes — must use Conv2D")
    #expect(try summary("len(model.layers) <= 3").measured == "4")
    #expect(
      try summary("model.count_params() < 100 or len(model.layers) < 2").summary.hasSuffix(
        "is False — must be True"))
    let notBoolean = try summary("model.count_params()")
    #expect(notBoolean.status == .notBoolean("186 (a number)"))
  }
}
