import KerasCells
import Testing

/// `len()` of Keras tensors under tf-keras 2.21, as recorded with
/// `TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python` (a GroupNormalization written by hand computes
/// `[1] * len(tf.shape(inputs))` in its `call`): autograph's `len` inside a traced call, tf-keras'
/// own TypeError outside one.
@Suite struct SymbolicLengthTests {
  static let layer = """
    import tensorflow as tf
    from tensorflow import keras

    class Probe(keras.layers.Layer):
        def call(self, inputs):
            print(len(tf.shape(inputs)), len(inputs.shape))
            return inputs

    inputs = keras.Input(shape=(4, 4, 3))

    """

  @Test func insideCallTheLengthOfAStaticFirstDimensionIsThatSize() {
    let result = KerasSession(kerasVersion: .keras2).run(Self.layer + "x = Probe()(inputs)\n")
    #expect(result.error == nil)
    #expect(result.printed(footer: .modern) == "4 4\n")
  }

  @Test func insideCallAnUnknownFirstDimensionIsConvBooksLimitation() {
    let code = Self.layer.replacingOccurrences(of: "tf.shape(inputs)", with: "inputs")
    let error = KerasSession(kerasVersion: .keras2).run(code + "x = Probe()(inputs)\n").error
    #expect(error?.type == nil)
    #expect(error?.message.hasPrefix("ConvBook does not support len() of a tensor") == true)
  }

  @Test func outsideCallItIsTFKerasTypeError() {
    let error = KerasSession(kerasVersion: .keras2).run(Self.layer + "len(inputs)\n").error
    #expect(error?.type == "TypeError")
    #expect(
      error?.message.hasPrefix(
        "Keras symbolic inputs/outputs do not implement `__len__`. You may be trying to pass TF-Keras symbolic inputs/outputs to a TF API"
      ) == true)
  }
}
