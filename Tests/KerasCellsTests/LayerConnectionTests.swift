import CNNEngine
import KerasCells
import Testing

/// `layer.output` / `model.inputs`, weights as arrays and `get_config()`: what the recorded corpus
/// files (470-483, scripts 102-105) do not reach — identities after `pop`, values shared between a
/// model and the models built from its layers, and ConvBook's own refusals.
@Suite struct LayerConnectionTests {
  static func run(_ source: String, _ version: KerasVersion) -> (String, CellResult) {
    let result = KerasSession(kerasVersion: version).run(source)
    return (result.printed(), result)
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func outputsAreTheTensorsOfTheFirstCall(_ version: KerasVersion) {
    let (text, result) = Self.run(
      """
      from tensorflow import keras
      inputs = keras.Input(shape=(4,))
      dense = keras.layers.Dense(3)
      first = dense(inputs)
      second = dense(first if False else inputs)
      print(dense.output is first, dense.input is inputs, dense.output is second)

      """, version)
    #expect(result.error == nil)
    #expect(text == "True True False\n")
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func chainAfterPopStartsFromTheRemainingLayers(_ version: KerasVersion) {
    let (text, result) = Self.run(
      """
      from tensorflow import keras
      model = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(5), keras.layers.Dense(4)])
      model.pop()
      model.add(keras.layers.Dense(2))
      print(model.layers[1].input is model.layers[0].output, model.outputs[0] is model.layers[1].output)
      i = keras.Input(shape=(3,))
      print(keras.Model(i, keras.layers.Dense(2)(i)).name)

      """, version)
    #expect(result.error == nil)
    // Keras 3 calls every layer again at each rebuild (after `pop` and `add`): the new layer's
    // input is the first layer's third output, not its first; each rebuild takes a `functional` name.
    #expect(text == (version == .keras3 ? "False True\nfunctional_3\n" : "True True\nmodel\n"))
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func valuesSetOnALayerReachEveryModelHoldingIt(_ version: KerasVersion) {
    let (text, result) = Self.run(
      """
      import numpy as np
      from tensorflow import keras
      model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(2, name="a"), keras.layers.Dense(1, name="b")])
      head = keras.Model(model.inputs, model.layers[0].output)
      before = head.predict(np.ones((1, 2)), verbose=0)
      model.layers[0].set_weights([np.ones((2, 2)), np.zeros(2) + 3.0])
      print(head.predict(np.ones((1, 2)), verbose=0), model.get_weights()[1])
      model.set_weights([np.zeros((2, 2)), np.zeros(2), np.ones((2, 1)), np.zeros(1)])
      print(head.predict(np.ones((1, 2)), verbose=0), model.predict(np.ones((1, 2)), verbose=0))

      """, version)
    #expect(result.error == nil)
    #expect(text == "[[5. 5.]] [3. 3.]\n[[0. 0.]] [[0.]]\n")
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func configOfAnUnmodelledSettingIsConvBooksLimitation(_ version: KerasVersion) {
    let (_, result) = Self.run(
      """
      from tensorflow import keras
      keras.layers.Conv2D(8, 3, kernel_constraint="non_neg").get_config()

      """, version)
    #expect(result.error?.type == nil)
    #expect(
      result.error?.message
        == "ConvBook does not support `get_config()` of a Conv2D layer with this `kernel_constraint` yet"
    )
    // A Lambda's config holds its function's bytecode.
    let (_, other) = Self.run(
      "from tensorflow import keras\nkeras.layers.Lambda(lambda x: x).get_config()\n", version)
    #expect(other.error?.message == "ConvBook does not support `get_config()` of Lambda layers yet")
  }

  @Test func countParamsNeedsAKnownShape() {
    let (_, result) = Self.run(
      """
      from tensorflow import keras
      keras.backend.count_params(keras.Input(shape=(3,)))

      """, .keras2)
    #expect(result.error?.type == nil)
    #expect(result.error?.message.hasPrefix("ConvBook's keras.backend.count_params()") == true)
  }

  @Test func twoShapesMakeTfKerasOutputShapeIllDefined() {
    let (_, result) = Self.run(
      """
      from tensorflow import keras
      flat = keras.layers.Flatten(name="flat")
      flat(keras.Input(shape=(4, 4)))
      flat(keras.Input(shape=(2, 3)))
      flat.input_shape

      """, .keras2)
    #expect(result.error?.type == "AttributeError")
    #expect(
      result.error?.message
        == "The layer \"flat\" has multiple inbound nodes, with different input shapes. Hence the notion of \"input shape\" is ill-defined for the layer. Use `get_input_shape_at(node_index)` instead."
    )
  }
}
