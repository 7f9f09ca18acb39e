import CNNEngine
import KerasCells
import Testing

/// A layer attribute that tf-keras and Keras 3 both have but ConvBook does not compute is refused as
/// ConvBook's limitation, never as a Python `AttributeError` that blames the user's Keras.
@Suite struct LayerAttributeRefusalTests {
  static let prefix = """
    from tensorflow import keras
    inputs = keras.Input(shape=(4,))
    dense = keras.layers.Dense(3)
    outputs = dense(inputs)

    """

  @Test(arguments: [KerasVersion.keras2, .keras3], ["input_spec", "metrics"])
  func missingKerasAttributeIsConvBooksLimitation(_ version: KerasVersion, _ name: String) {
    let result = KerasSession(kerasVersion: version).run(Self.prefix + "dense.\(name)\n")
    #expect(result.error?.type == nil)
    #expect(result.error?.message == "ConvBook does not support `layer.\(name)` yet")
  }

  /// `layer.losses` of a layer without regularizers is its list of no penalties (`ModelLosses`).
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func lossesOfALayerWithoutRegularizersAreEmpty(_ version: KerasVersion) {
    let result = KerasSession(kerasVersion: version).run(Self.prefix + "print(dense.losses)\n")
    #expect(result.error == nil)
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func attributeNoKerasHasStaysAnAttributeError(_ version: KerasVersion) {
    let result = KerasSession(kerasVersion: version).run(Self.prefix + "dense.outptu\n")
    #expect(result.error?.type == "AttributeError")
    #expect(result.error?.message == "'Dense' object has no attribute 'outptu'")
  }

  /// Keras 3's variables are its own `Variable` class, which has no `get_shape` (CPython suggests
  /// its private `_shape`, as measured with Keras 3.15.1 in keras-io's PixelCNN).
  @Test func keras3VariableHasNoGetShape() {
    let result = KerasSession(kerasVersion: .keras3).run(Self.prefix + "dense.kernel.get_shape()\n")
    #expect(result.error?.type == "AttributeError")
    #expect(result.error?.message == "'Variable' object has no attribute 'get_shape'")
    #expect(result.error?.suggestion == "_shape")
  }

  /// A Keras loss object called on Keras tensors is ConvBook's limitation, not Python's "not
  /// callable" TypeError (keras-io's endpoint-layer example calls one inside `call`).
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func lossObjectOnKerasTensorsIsConvBooksLimitation(_ version: KerasVersion) {
    let result = KerasSession(kerasVersion: version).run(
      Self.prefix + "keras.losses.BinaryCrossentropy(from_logits=True)(outputs, outputs)\n")
    #expect(result.error?.type == nil)
    #expect(
      result.error?.message
        == "ConvBook does not support calling a BinaryCrossentropy object on Keras tensors yet")
  }

  /// A class's attribute that Python has but ConvBook does not model (`object.__init__`,
  /// `keras.layers.Layer.__init__`, `int.__add__`, a script class reaching `object`'s dunders or
  /// built on a Keras class) is ConvBook's limitation, never a made-up AttributeError; `object`'s
  /// missing names stay CPython's error.
  @Test(arguments: [
    ("object.__init__", "object.__init__"), ("keras.layers.Layer.__init__", "Layer.__init__"),
    ("int.__add__", "int.__add__"), ("Exception.__init__", "Exception.__init__"),
    ("Plain.__init__", "Plain.__init__"), ("Plain.mro", "Plain.mro"),
    ("Custom.__call__", "Custom.__call__"), ("Custom.build", "Custom.build"),
  ])
  func classAttributePythonHasIsConvBooksLimitation(_ expression: String, _ shown: String) {
    let source = """
      from tensorflow import keras
      class Plain:
          pass
      class Custom(keras.layers.Layer):
          pass
      print(\(expression))

      """
    let result = KerasSession(kerasVersion: .keras2).run(source)
    #expect(result.error?.type == nil)
    #expect(result.error?.message == "ConvBook does not support `\(shown)` of a class yet")
  }

  @Test func objectLacksWhatObjectLacks() {
    let result = KerasSession(kerasVersion: .keras2).run("object.foo\n")
    #expect(result.error?.type == "AttributeError")
    #expect(result.error?.message == "type object 'object' has no attribute 'foo'")
  }
}
