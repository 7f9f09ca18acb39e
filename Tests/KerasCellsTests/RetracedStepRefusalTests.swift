import CNNEngine
import KerasCells
import Testing

/// A step Keras traced (`predict`, `fit`, `evaluate`) called again on data of another shape: both
/// Kerases trace it once more with the sizes left open, so the model's input spec no longer
/// catches the data, and the layers run on it or fail with TensorFlow's InvalidArgumentError
/// (whose text names the graph's node and the traced function's number). ConvBook's limitation,
/// never the input spec's ValueError that a first call raises.
@Suite struct RetracedStepRefusalTests {
  static func error(_ code: String, _ version: KerasVersion) -> (type: String?, message: String)? {
    KerasSession(kerasVersion: version).run(code).error.map { ($0.type, $0.message) }
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func predictOnTheRightWidthThenAWrongOne(_ version: KerasVersion) {
    let error = Self.error(
      """
      import numpy as np
      import keras
      features = keras.Input(shape=(4,))
      model = keras.Model(features, keras.layers.Dense(1)(keras.layers.Dense(8)(features)))
      model.predict(np.ones((2, 4)), verbose=0)
      model.predict(np.ones((5, 3)), verbose=0)

      """, version)
    #expect(error?.type == nil)
    #expect(
      error?.message.hasPrefix(
        "ConvBook does not reproduce what follows when the predict step Keras traced meets data of another shape, (5, 3), yet"
      ) == true)
  }

  /// A fully convolutional network runs on larger images the second time in both Kerases.
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func predictOnLargerImagesAfterATrace(_ version: KerasVersion) {
    let error = Self.error(
      """
      import numpy as np
      import keras
      model = keras.Sequential([
          keras.Input((8, 8, 1)), keras.layers.Conv2D(2, 3),
          keras.layers.GlobalAveragePooling2D(), keras.layers.Dense(1)])
      model.predict(np.ones((2, 8, 8, 1)), verbose=0)
      model.predict(np.ones((2, 12, 12, 1)), verbose=0)

      """, version)
    #expect(error?.type == nil)
    #expect(error?.message.contains("(2, 12, 12, 1)") == true)
  }

  /// fit traces the train step, fit's validation and evaluate the test step.
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func fitAndEvaluateAfterTheirTraces(_ version: KerasVersion) {
    let setup = """
      import numpy as np
      import keras
      model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), keras.layers.Dense(1)])
      model.compile(optimizer="adam", loss="mse")

      """
    let fit = Self.error(
      setup + """
        model.fit(np.ones((4, 4)), np.ones((4, 1)), verbose=0)
        model.fit(np.ones((5, 3)), np.ones((5, 1)), verbose=0)

        """, version)
    #expect(fit?.type == nil)
    #expect(fit?.message.contains("the train step Keras traced") == true)
    let evaluate = Self.error(
      setup + """
        model.fit(np.ones((4, 4)), np.ones((4, 1)), validation_split=0.5, verbose=0)
        model.evaluate(np.ones((5, 3)), np.ones((5, 1)), verbose=0)

        """, version)
    #expect(evaluate?.type == nil)
    #expect(evaluate?.message.contains("the test step Keras traced") == true)
  }

  /// `compile` drops the traced steps (script 1239); a step not traced yet raises Keras' error.
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func compileAndOtherStepsRaiseTheInputSpecError(_ version: KerasVersion) {
    let error = Self.error(
      """
      import numpy as np
      import keras
      model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
      model.compile(optimizer="adam", loss="mse")
      model.predict(np.ones((2, 4)), verbose=0)
      model.evaluate(np.ones((5, 3)), np.ones((5, 1)), verbose=0)

      """, version)
    #expect(error?.type == "ValueError")
  }
}
