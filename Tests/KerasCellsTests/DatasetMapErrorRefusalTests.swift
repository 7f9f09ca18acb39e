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

  /// TensorFlow traces the function when `map` / `filter` is called, so the exception leaves
  /// that call even when the dataset is never read (the map over batches of open size too).
  @Test(arguments: [
    ("", "map"), (".batch(4)", "map"), (".shuffle(8).batch(3)", "map"), (".batch(4)", "filter"),
  ])
  func errorLeavesTheStageCallUnread(_ batching: String, _ stage: String) {
    let source = """
      import numpy as np
      import tensorflow as tf
      import keras
      ds = tf.data.Dataset.from_tensor_slices(np.zeros((8, 2), dtype="float32"))\(batching)
      def size(x):
          return keras.backend.shape(x)[0] > 0
      print("before")
      ds2 = ds.\(stage)(lambda x: size(x))
      print("after")

      """
    let result = KerasSession(kerasVersion: .keras3).run(source)
    #expect(result.printed() == "before\n")
    #expect(result.error?.range.start.line == 8)
    #expect(
      result.error?.message
        == Self.refusal.replacingOccurrences(of: "Dataset.map", with: "Dataset.\(stage)"))
  }

  /// A print of a tensor inside the trace would show TensorFlow's symbolic tensor; where the
  /// spec leaves the batch open, numbers read off the stand-in element are refused as well.
  @Test(arguments: [("", "x"), (".batch(4)", "x.shape[0]")])
  func printOfTracedValuesIsRefused(_ batching: String, _ shown: String) {
    let source = """
      import numpy as np
      import tensorflow as tf
      ds = tf.data.Dataset.from_tensor_slices(np.zeros((8, 2), dtype="float32"))\(batching)
      def show(x):
          print(\(shown))
          return x
      ds2 = ds.map(show)

      """
    let error = KerasSession(kerasVersion: .keras2).run(source).error
    #expect(error?.type == nil)
    #expect(
      error?.message.hasPrefix("ConvBook does not support Python's print() of tensors") == true)
  }
}
