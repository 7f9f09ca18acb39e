import KerasCells
import Testing

/// Keras 3's refusal of a `summary(line_length=...)` whose columns would be narrower than 4
/// (measured with Keras 3.15.1: `ValueError: Insufficient console width to print summary.`).
@Suite struct Keras3SummaryOptionsTests {
  static let model = """
    import keras
    m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])

    """

  @Test func tooNarrowLineLengthIsKeras3sValueError() throws {
    let result = KerasSession(kerasVersion: .keras3).run(Self.model + "m.summary(line_length=10)")
    let error = try #require(result.error)
    #expect(error.type == "ValueError")
    #expect(error.message == "Insufficient console width to print summary.")
    #expect(error.range.start.line == 3)
  }

  @Test func wideEnoughLineLengthPrints() {
    let result = KerasSession(kerasVersion: .keras3).run(Self.model + "m.summary(line_length=40)")
    #expect(result.error == nil)
    #expect(result.printed(format: .keras3()).hasPrefix("Model: \"sequential\"\n┏"))
  }
}
