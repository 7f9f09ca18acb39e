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

  @Test(arguments: [KerasVersion.keras2, .keras3], ["losses", "input_spec", "metrics"])
  func missingKerasAttributeIsConvBooksLimitation(_ version: KerasVersion, _ name: String) {
    let result = KerasSession(kerasVersion: version).run(Self.prefix + "dense.\(name)\n")
    #expect(result.error?.type == nil)
    #expect(result.error?.message == "ConvBook does not support `layer.\(name)` yet")
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func attributeNoKerasHasStaysAnAttributeError(_ version: KerasVersion) {
    let result = KerasSession(kerasVersion: version).run(Self.prefix + "dense.outptu\n")
    #expect(result.error?.type == "AttributeError")
    #expect(result.error?.message == "'Dense' object has no attribute 'outptu'")
  }
}
