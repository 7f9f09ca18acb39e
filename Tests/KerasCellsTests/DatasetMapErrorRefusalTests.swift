import CNNEngine
import KerasCells
import Testing

/// An exception raised inside a `Dataset.map` function: TensorFlow raises it from `map` with
/// AutoGraph's "in user code:" text, which ConvBook does not write yet, so it is ConvBook's
/// limitation naming the error, not the bare Python error (real-CM 25-kio3-mixup-fashion.py,
/// `keras.backend.shape` under Keras 3).
@Suite struct DatasetMapErrorRefusalTests {
  static let refusal =
    "ConvBook does not print TensorFlow's AutoGraph text of an exception raised in a Dataset.map function yet: AttributeError: module 'keras.backend' has no attribute 'shape'"

  @Test(arguments: ["", ".batch(4)"])
  func errorInMapFunctionIsConvBooksLimitation(_ batching: String) {
    let source = """
      import numpy as np
      import tensorflow as tf
      import keras
      ds = tf.data.Dataset.from_tensor_slices(np.zeros((8, 2), dtype="float32"))\(batching)
      def size(x):
          return keras.backend.shape(x)[0]
      ds = ds.map(lambda x: (x, size(x)))
      for element in ds:
          pass

      """
    let error = KerasSession(kerasVersion: .keras3).run(source).error
    #expect(error?.type == nil)
    #expect(error?.message == Self.refusal)
  }
}
