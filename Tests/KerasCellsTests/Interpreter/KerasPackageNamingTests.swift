import KerasCells
import Testing

/// Names tf-keras reports: a custom layer's weights are `layer/weight:0` however `add_weight` got
/// the name, and the tf_keras package's modules carry the package's names.
@Suite struct KerasPackageNamingTests {
  @Test func customWeightsAreNamedInTheLayersScope() {
    let (printed, error) = CellRunner().run(
      """
      import tensorflow as tf
      class Affine(tf.keras.layers.Layer):
          def build(self, input_shape):
              self.w = self.add_weight("w", shape=(int(input_shape[-1]), 2))
              self.b = self.add_weight(name="b", shape=(2,), initializer="zeros")
          def call(self, x):
              return tf.matmul(x, self.w) + self.b
      layer = Affine(name="affine")
      _ = layer(tf.zeros([1, 3]))
      print([v.name for v in layer.weights])
      """)
    #expect(error == nil)
    #expect(printed == "['affine/w:0', 'affine/b:0']\n")
  }

  @Test func packageModulesUseThePackageName() {
    let source = """
      import tensorflow as tf
      from keras.applications import imagenet_utils
      imagenet_utils.correct_pad
      """
    let (_, error) = CellRunner().run(source)
    #expect(
      error?.message
        == "module 'tf_keras.applications.imagenet_utils' has no attribute 'correct_pad'")
    let (_, api) = CellRunner().run("import tensorflow as tf\ntf.keras.layers.Dense3")
    #expect(
      api?.message.hasPrefix("module 'tf_keras.api._v2.keras.layers' has no attribute") == true)
  }
}
