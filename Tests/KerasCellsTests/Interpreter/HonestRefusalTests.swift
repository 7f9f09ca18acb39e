import KerasCells
import Testing

/// What tf-keras or TensorFlow has but ConvBook lacks is refused as ConvBook's limitation, naming
/// it; only names Keras itself lacks get Keras' AttributeError / ImportError.
@Suite struct HonestRefusalTests {
  static func error(_ source: String) -> CellError? { KerasSession().run(source).error }

  @Test(arguments: [
    (
      "import tensorflow as tf\nm = tf.keras.applications.EfficientNetV2B0()",
      "`keras.applications.EfficientNetV2B0`"
    ),
    (
      "from tensorflow import keras\nx = keras.layers.StackedRNNCells([])",
      "`keras.layers.StackedRNNCells`"
    ),
    ("import tensorflow as tf\nds = tf.data.Dataset", "`tensorflow.data`"),
    (
      "from tensorflow.keras.applications import EfficientNetV2B0",
      "`keras.applications.EfficientNetV2B0`"
    ),
    ("from tensorflow.keras.layers import StackedRNNCells", "`keras.layers.StackedRNNCells`"),
    ("import tensorflow.keras.mixed_precision", "`tensorflow.keras.mixed_precision`"),
  ])
  func refusedAsConvBooksLimitation(_ source: String, _ name: String) {
    let error = Self.error(source)
    #expect(error?.type == nil)
    #expect(error?.message == "ConvBook does not support \(name) yet")
  }

  @Test func misspellingsKeepKerasWords() {
    let error = KerasSession(kerasVersion: .keras2).run(
      "from tensorflow import keras\nx = keras.layers.Conv4D(4, 3)"
    ).error
    #expect(error?.type == "AttributeError")
    #expect(
      error?.message == "module 'tf_keras.api._v2.keras.layers' has no attribute 'Conv4D'")
    let imported = Self.error("from tensorflow.keras.layers import Conv4D")
    #expect(imported?.type == "ImportError")
  }

  @Test func modulesKeras3RemovedAreMissingInKeras3() {
    let error = KerasSession(kerasVersion: .keras3).run(
      "from tensorflow.keras.layers.experimental import preprocessing"
    ).error
    #expect(error?.type == "ModuleNotFoundError")
    #expect(error?.message == "No module named 'tensorflow.keras.layers.experimental'")
  }
}
