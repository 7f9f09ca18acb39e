import KerasCells
import Testing

/// Keras 3's `UserWarning` for `input_shape=` / `input_dim=` on a layer: issued once per place in
/// Keras' code (Dense and Conv2D each once; Conv1D shares Conv2D's), never in tf-keras, and never
/// part of what a cell prints.
@Suite struct Keras3WarningTests {
  static let source = """
    import keras
    from keras import layers
    m = keras.Sequential([layers.Dense(4, input_shape=(8,))])
    m2 = keras.Sequential([layers.Dense(4, input_dim=8)])
    m3 = keras.Sequential([layers.Conv2D(4, 3, input_shape=(8, 8, 1))])
    m4 = keras.Sequential([layers.Conv1D(4, 3, input_shape=(8, 1))])
    m5 = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4)])
    print("done")
    """

  @Test func keras3WarnsOncePerPlaceInItsCode() {
    let session = KerasSession(kerasVersion: .keras3)
    let result = session.run(Self.source)
    #expect(result.error == nil)
    #expect(result.printed(format: .keras3()) == "done\n")
    #expect(result.warnings.map(\.range.start.line) == [3, 5])
    #expect(result.warnings.allSatisfy { $0.category == "UserWarning" })
    #expect(
      result.warnings.first?.message
        == "Do not pass an `input_shape`/`input_dim` argument to a layer. When using Sequential models, prefer using an `Input(shape)` object as the first layer in the model instead."
    )
    // The session has shown them: a later cell does not warn again.
    #expect(
      session.run("m6 = keras.Sequential([layers.Dense(2, input_shape=(3,))])").warnings == [])
  }

  /// Deprecated keywords that still work (measured with Keras 3.15.1, `warn.py` in the report):
  /// `LeakyReLU(alpha=...)` and `InputLayer(input_shape=...)` warn from their own `__init__`,
  /// before `Layer.__init__` warns for `input_shape=`; each place once.
  @Test func keras3WarnsForDeprecatedKeywords() {
    let source = """
      import keras
      from keras import layers
      a = layers.LeakyReLU(alpha=0.1)
      b = layers.LeakyReLU(alpha=0.2, input_shape=(4,))
      m = keras.Sequential([layers.InputLayer(input_shape=(4,)), b])
      m2 = keras.Sequential([layers.InputLayer(input_shape=(4,))])
      print(a.negative_slope, m.output_shape)
      """
    let result = KerasSession(kerasVersion: .keras3).run(source)
    #expect(result.error == nil)
    #expect(result.printed(format: .keras3()) == "0.1 (None, 4)\n")
    #expect(
      result.warnings.map { "\($0.site?.location ?? "") \($0.message)" } == [
        "keras/src/layers/activations/leaky_relu.py:41 Argument `alpha` is deprecated. Use `negative_slope` instead.",
        "keras/src/layers/activations/leaky_relu.py:44 \(Self.inputShapeMessage)",
        "keras/src/layers/core/input_layer.py:27 Argument `input_shape` is deprecated. Use `shape` instead.",
      ])
    #expect(result.warnings.map(\.range.start.line) == [3, 4, 5])
    // Embedding's `input_dim` is the vocabulary size, not the Layer keyword: no warning.
    let embedding = KerasSession(kerasVersion: .keras3).run(
      "import keras\ne = keras.layers.Embedding(input_dim=100, output_dim=8)")
    #expect(embedding.error == nil)
    #expect(embedding.warnings.isEmpty)
    let tfKeras = KerasSession(kerasVersion: .keras2).run(
      source.replacingOccurrences(of: "a.negative_slope", with: "a.alpha"))
    #expect(tfKeras.error == nil)
    #expect(tfKeras.warnings.isEmpty)
  }

  static let inputShapeMessage =
    "Do not pass an `input_shape`/`input_dim` argument to a layer. When using Sequential models, prefer using an `Input(shape)` object as the first layer in the model instead."

  @Test func tfKerasDoesNotWarn() {
    let result = KerasSession(kerasVersion: .keras2).run(Self.source)
    #expect(result.error == nil)
    #expect(result.warnings.isEmpty)
  }
}
