import CNNEngine
import KerasCells
import Testing

/// Keyword arguments of `fit` that Keras has and ConvBook does not take yet are ConvBook's
/// limitation in both Kerases (Keras 3.15's `TensorFlowTrainer.fit` has `validation_freq` and
/// `validation_batch_size` too); a name the method lacks is Python's TypeError (real-CM
/// 06-shenyi-conv-autoencoder.py, `fit(..., validation_freq=10)`).
@Suite struct FitKeywordRefusalTests {
  static let model = """
    import numpy as np
    from tensorflow import keras
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(loss="mse")
    x = np.ones((4, 2), dtype="float32")
    y = np.ones((4, 1), dtype="float32")

    """

  @Test(
    arguments: [KerasVersion.keras2, .keras3], ["validation_freq=2", "validation_batch_size=2"])
  func kerasKeywordIsConvBooksLimitation(_ version: KerasVersion, _ keyword: String) {
    let error = KerasSession(kerasVersion: version).run(
      Self.model + "model.fit(x, y, epochs=2, verbose=0, \(keyword))\n"
    ).error
    let name = String(keyword.prefix { $0 != "=" })
    #expect(error?.type == nil)
    #expect(error?.message == "ConvBook does not support fit(\(name)=...) yet")
  }

  @Test func keras3UnknownKeywordIsPythonsTypeError() {
    let error = KerasSession(kerasVersion: .keras3).run(
      Self.model + "model.fit(x, y, verbose=0, workers=2)\n"
    ).error
    #expect(error?.type == "TypeError")
    #expect(
      error?.message == "TensorFlowTrainer.fit() got an unexpected keyword argument 'workers'")
  }
}
