import CNNEngine
import KerasCells
import Testing

/// Python code reading a shuffled `tf.data` pipeline (`next(iter(ds))` to look at a sample batch,
/// dragen1860's Fashion-MNIST tutorial): the shapes print as Keras prints them, the values (in
/// TensorFlow's order, which ConvBook does not reproduce) are refused where printed, and so are
/// elements of several shapes, whose order would
/// show in the shapes of later batches.
@Suite struct ShuffledDatasetReadingTests {
  static let pipeline = """
    import numpy as np
    import tensorflow as tf
    ds = tf.data.Dataset.from_tensor_slices((np.arange(12.0).reshape(6, 2), np.arange(6)))
    ds = ds.shuffle(6).batch(4)

    """

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func shapesPrintValuesAreRefused(_ version: KerasVersion) {
    let shapes = KerasSession(kerasVersion: version).run(
      Self.pipeline + "for x, y in ds:\n    print(x.shape, y.shape)\n")
    #expect(shapes.error == nil, "\(String(describing: shapes.error))")
    #expect(shapes.printed() == "(4, 2) (4,)\n(2, 2) (2,)\n")
    let values = KerasSession(kerasVersion: version).run(
      Self.pipeline + "print(next(iter(ds))[1])\n")
    #expect(values.error?.type == nil)
    #expect(
      values.error?.message.contains("ConvBook's own random draw") == true,
      "\(String(describing: values.error))")
  }

  @Test(arguments: [
    "ds = tf.data.Dataset.from_tensor_slices(np.arange(5)).batch(2).shuffle(3)"
  ])
  func orderThatWouldShowIsRefused(_ made: String) {
    let result = KerasSession().run(
      "import numpy as np\nimport tensorflow as tf\n\(made)\nfor x in ds:\n    print(x.shape)\n")
    #expect(result.error?.type == nil)
    #expect(
      result.error?.message.hasPrefix("ConvBook cannot reproduce the order of tf.data's shuffle")
        == true, "\(String(describing: result.error))")
  }
}
