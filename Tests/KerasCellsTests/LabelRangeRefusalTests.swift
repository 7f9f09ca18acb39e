import CNNEngine
import KerasCells
import Testing

/// A sparse label outside the model's classes is TensorFlow's InvalidArgumentError, whose text
/// names the graph's node and the traced function's number: ConvBook's limitation, not a
/// made-up ValueError (FOUND.md, numpyh's hostile c33).
@Suite struct LabelRangeRefusalTests {
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func labelOutsideTheClassesIsConvBooksLimitation(_ version: KerasVersion) {
    let error = KerasSession(kerasVersion: version).run(
      """
      import numpy as np
      from tensorflow import keras
      model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
      model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
      model.fit(np.ones((4, 4)), np.array([0, 1, 5, -1]), verbose=0)

      """
    ).error
    #expect(error?.type == nil)
    #expect(
      error?.message.hasPrefix("ConvBook does not reproduce TensorFlow's InvalidArgumentError")
        == true)
  }
}
