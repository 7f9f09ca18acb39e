import Testing

@testable import KerasCells

/// Integer data given to layers called at once, as tf-keras 2.21 computes it (measured with the
/// reference: `Tests/Fixtures/scripts/390-integer-layer-data.py` holds the printed forms).
@Suite struct IntegerLayerDataTests {
  static func run(_ source: String, keras3: Bool = false) -> (String, CellError?) {
    let result = KerasSession(kerasVersion: keras3 ? .keras3 : .keras2).run(
      "import numpy as np\nimport tensorflow as tf\nfrom tensorflow.keras import layers\n"
        + source)
    return (result.printed(), result.error)
  }

  @Test("integer means truncate toward zero; max, Flatten and ReLU keep the dtype")
  func integersStayIntegers() {
    let (printed, error) = Self.run(
      """
      x = np.array([[[-1], [-2]], [[7], [0]]])
      print(layers.GlobalAveragePooling1D()(x).numpy().reshape(-1))
      print(layers.GlobalMaxPooling1D()(x).dtype, layers.Flatten()(x).dtype)
      print(layers.ReLU()(np.array([[3, 4]], dtype="uint8")).dtype)
      """)
    #expect(error == nil)
    #expect(printed == "[-1  3]\n<dtype: 'int64'> <dtype: 'int64'>\n<dtype: 'uint8'>\n")
  }

  @Test("Embedding, Dense and Rescaling cast to float32; a float32 Input casts the data first")
  func castingLayersGiveFloat32() {
    let (printed, error) = Self.run(
      """
      print(layers.Dense(2)(np.array([[1, 2]])).dtype)
      print(tf.keras.Sequential([layers.Embedding(5, 2)])(np.array([[1, 2]])).dtype)
      print(layers.Rescaling(0.5)(np.array([[2, 4]], dtype="uint8")))
      m = tf.keras.Sequential([tf.keras.Input(shape=(2,)), layers.Flatten()])
      print(m(np.array([[1, 2]], dtype="uint8")).dtype)
      """)
    #expect(error == nil)
    #expect(
      printed
        == "<dtype: 'float32'>\n<dtype: 'float32'>\ntf.Tensor([[1. 2.]], shape=(1, 2), dtype=float32)\n<dtype: 'float32'>\n"
    )
  }

  @Test("a layer ConvBook does not follow on integers is refused as its limitation, at the call")
  func otherLayersAreRefused() {
    let (_, error) = Self.run("y = layers.Conv1D(2, 1)(np.array([[[1], [2]]]))")
    #expect(error?.type == nil)
    #expect(error?.range.start.line == 4)
    #expect(
      error?.message.hasPrefix(
        "ConvBook runs the tf-keras layer \"conv1d\" (Conv1D) on floating-point data only, not on int64 data"
      ) == true)
    // After an integer mean, a layer that casts would see truncated values ConvBook did not keep.
    let (_, afterMean) = Self.run(
      "m = tf.keras.Sequential([layers.GlobalAveragePooling1D(), layers.Dense(1)])\ny = m(np.array([[[1], [2]]]))"
    )
    #expect(afterMean?.message.contains("after an integer mean") == true)
  }

  @Test("Keras 3: means are float32, a Sequential model without Input casts to float32")
  func keras3() {
    let (printed, error) = Self.run(
      """
      x = np.array([[[-1], [-2]]])
      print(layers.GlobalAveragePooling1D()(x).numpy().reshape(-1), layers.Flatten()(x).dtype)
      print(tf.keras.Sequential([layers.Flatten()])(x).dtype)
      """, keras3: true)
    #expect(error == nil)
    #expect(printed == "[-1.5] <dtype: 'int64'>\n<dtype: 'float32'>\n")
  }
}
