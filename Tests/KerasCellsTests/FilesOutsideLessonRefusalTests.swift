import CNNEngine
import KerasCells
import Testing

/// A run without a lesson folder (`convbook run FILE.py`) has nowhere ConvBook writes or reads
/// weights: `ModelCheckpoint`, `save_weights` and `load_weights` are refused as ConvBook's own
/// limitation, naming it, where Keras would write the files next to the script (real-AW
/// hongong_9_3, a checkpoint of the best epoch).
@Suite struct FilesOutsideLessonRefusalTests {
  static let model = """
    import numpy as np
    from tensorflow import keras
    keras.utils.set_random_seed(2)
    x = np.linspace(0.0, 1.0, 12, dtype="float32").reshape(6, 2)
    y = x.sum(axis=1)
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")

    """

  static func message(_ code: String, _ version: KerasVersion) -> String? {
    let error = KerasSession(kerasVersion: version).run(model + code).error
    #expect(error?.type == nil)
    return error?.message
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func checkpointIsConvBooksLimitation(_ version: KerasVersion) {
    let message = Self.message(
      """
      checkpoint = keras.callbacks.ModelCheckpoint("best.npz", save_best_only=True)
      model.fit(x, y, epochs=2, verbose=0, validation_split=0.5, callbacks=[checkpoint])

      """, version)
    #expect(
      message?.hasPrefix("ConvBook does not support ModelCheckpoint outside a lesson") == true)
  }

  @Test(arguments: ["model.save_weights", "model.load_weights"])
  func weightFilesAreConvBooksLimitation(_ function: String) {
    let message = Self.message("\(function)(\"w.npz\")\n", .keras2)
    #expect(message?.hasPrefix("ConvBook does not support \(function)() outside a lesson") == true)
  }
}
