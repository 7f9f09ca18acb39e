import CNNEngine
import KerasCells
import Testing

/// What ConvBook's input pipelines cannot reproduce is refused as its own limitation, naming the
/// construct: TensorFlow's shuffle order, batches of several sizes in `fit`, string tensors (a
/// model with `TextVectorization` is built, not run on strings). (What they do reproduce is compared with Keras by the
/// script fixtures 460-463.)
@Suite struct InputPipelineRefusalTests {
  static let data = """
    import numpy as np
    import tensorflow as tf
    from tensorflow import keras
    x = np.arange(12, dtype="float32").reshape(6, 2)
    y = np.arange(6, dtype="float32")
    ds = tf.data.Dataset.from_tensor_slices((x, y))

    """

  static func error(_ code: String, _ version: KerasVersion = .keras2) -> CellError? {
    KerasSession(kerasVersion: version).run(data + code).error
  }

  /// Python reads a shuffled pipeline's elements marked as ConvBook's own draws: printing their
  /// values (in TensorFlow's order) is refused (`ShuffledDatasetReadingTests`).
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func readingAShuffledDatasetIsRefused(_ version: KerasVersion) {
    let error = Self.error("for a, b in ds.shuffle(6, seed=1).batch(2):\n    print(a)\n", version)
    #expect(error?.type == nil)
    #expect(error?.message.contains("ConvBook's own random draw") == true)
  }

  @Test func takingFromAShuffledDatasetForFitIsRefused() {
    let error = Self.error(
      """
      model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
      model.compile(optimizer="sgd", loss="mse")
      model.fit(ds.shuffle(6).take(4).batch(2), verbose=0)

      """)
    #expect(error?.type == nil)
    #expect(error?.message.contains("after .shuffle(...)") == true)
  }

  @Test func fittingOnAShuffledDatasetRuns() {
    let result = KerasSession(kerasVersion: .keras2).run(
      Self.data
        + """
        model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
        model.compile(optimizer="sgd", loss="mse")
        history = model.fit(ds.shuffle(6).batch(2), epochs=2, verbose=0)
        print(len(history.history["loss"]))

        """)
    #expect(result.error == nil)
    #expect(
      result.outputs.compactMap { if case .text(let text) = $0 { text } else { nil } } == ["2\n"])
  }

  @Test func batchesOfSeveralSizesAreRefusedInFit() {
    // Batches of 4 and 2, twice: a smaller batch before the last.
    let error = Self.error(
      """
      model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
      model.compile(optimizer="sgd", loss="mse")
      model.fit(ds.batch(4).repeat(2), verbose=0)

      """)
    #expect(error?.type == nil)
    #expect(error?.message.contains("batches of one size") == true)
  }

  @Test func stringDatasetsAreRefused() {
    let error = Self.error("tf.data.Dataset.from_tensor_slices(['a', 'b'])\n")
    #expect(error?.type == nil)
    #expect(error?.message == "ConvBook does not support string tensors in datasets yet")
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func textVectorizationInsideAModelRunsOnNoStrings(_ version: KerasVersion) {
    // The model is built (shapes, summary: script 691); running it on strings is refused
    // (tf-keras), or Keras 3's own error for a list of Python strings as data.
    let error = Self.error(
      """
      vectorize = keras.layers.TextVectorization()
      vectorize.adapt(["a b", "b"])
      inputs = keras.Input(shape=(1,), dtype="string")
      model = keras.Model(inputs, vectorize(inputs))
      model.predict([["a b"]])

      """, version)
    if version == .keras3 {
      // Keras 3's data adapters take no Python strings (nor numbers) as data: its own error.
      #expect(error?.type == "ValueError")
      #expect(error?.message == "Unrecognized data type: x=[['a b']] (of type <class 'list'>)")
    } else {
      #expect(error?.type == nil)
      #expect(error?.message == "ConvBook arrays hold numbers only, not values of type 'str'")
    }
  }

  @Test func otherDatasetMethodsAreRefusedByName() {
    let error = Self.error("ds.padded_batch(2)\n")
    #expect(error?.type == nil)
    #expect(error?.message == "ConvBook does not support Dataset.padded_batch yet")
    let files = Self.error("tf.data.TFRecordDataset(['a.tfrecord'])\n")
    #expect(files?.type == nil)
    #expect(files?.message == "ConvBook does not support `tensorflow.data.TFRecordDataset` yet")
  }
}
