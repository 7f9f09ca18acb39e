import KerasCells
import Testing

/// tf-keras 2.21 takes the name of an activation layer class as an activation
/// (`Dense(557, activation='PReLU')`, real-CK 22): it makes a layer of the class, whose PReLU adds
/// its own weights to the Dense. ConvBook refuses that as its limitation, never with an error
/// tf-keras does not raise; Keras 3 does not take such names (its ValueError).
@Suite struct ActivationLayerNameTests {
  static let source = """
    import keras
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation='PReLU')])
    """

  @Test(arguments: ["PReLU", "LeakyReLU", "ReLU", "ELU", "Softmax", "ThresholdedReLU"])
  func tfKerasActivationLayerNamesAreRefused(_ name: String) {
    let result = KerasSession(kerasVersion: .keras2).run(
      Self.source.replacingOccurrences(of: "PReLU", with: name))
    #expect(result.error?.type == nil)
    #expect(
      result.error?.message
        == "ConvBook does not support activation='\(name)' yet (tf-keras makes a \(name)() layer of the class name)"
    )
  }

  @Test func otherNamesStayKerasErrors() {
    let result = KerasSession(kerasVersion: .keras2).run(
      Self.source.replacingOccurrences(of: "PReLU", with: "Activation"))
    #expect(result.error?.type == "ValueError")
    #expect(
      result.error?.message == "Unknown activation function 'Activation' cannot be deserialized.")
  }

  @Test func keras3DoesNotTakeThem() {
    let result = KerasSession(kerasVersion: .keras3).run(Self.source)
    #expect(result.error?.type == "ValueError")
    #expect(result.error?.message == "Could not interpret activation function identifier: PReLU")
  }

  @Test func activationsGetRefusesThemUnderTfKeras() {
    let result = KerasSession(kerasVersion: .keras2).run(
      "import keras\nkeras.activations.get('LeakyReLU')\n")
    #expect(result.error?.type == nil)
    #expect(
      result.error?.message.hasPrefix("ConvBook does not support activation='LeakyReLU'") == true)
  }
}
