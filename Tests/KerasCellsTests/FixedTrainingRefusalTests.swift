import CNNEngine
import KerasCells
import Testing

/// `layer(x, training=True)` on Keras tensors: Keras keeps the value with the node and runs that
/// layer in training mode whenever the graph runs (tf-keras even in `predict`; Keras 3 where the
/// model is called without a `training` of its own). ConvBook's forward pass runs every layer in
/// inference mode, so such a run is refused as ConvBook's limitation, naming the layer; Keras 3's
/// `predict`, whose own `training=False` wins, runs (real-BA repro bn_training_graph.py).
@Suite struct FixedTrainingRefusalTests {
  static let model = """
    import numpy as np
    from tensorflow import keras
    inputs = keras.Input((2,))
    outputs = keras.layers.BatchNormalization(name="fixed")(inputs, training=True)
    model = keras.Model(inputs, outputs)
    x = np.array([[1.0, 2.0], [3.0, 6.0]], dtype="float32")

    """

  static let refusal =
    "ConvBook does not yet run a layer in the mode its call fixed: BatchNormalization \"fixed\" was called with training=True"

  static func printed(_ result: CellResult) -> String {
    result.outputs.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined()
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func callWithoutTrainingIsRefused(_ version: KerasVersion) {
    let error = KerasSession(kerasVersion: version).run(Self.model + "y = model(x)\n").error
    #expect(error?.type == nil)
    #expect(error?.message.contains(Self.refusal) == true)
  }

  @Test func tfKerasPredictIsRefused() {
    let error = KerasSession(kerasVersion: .keras2).run(
      Self.model + "y = model.predict(x, verbose=0)\n"
    ).error
    #expect(error?.message.contains(Self.refusal) == true)
  }

  @Test func keras3PredictRunsInInferenceMode() {
    let session = KerasSession(kerasVersion: .keras3)
    let result = session.run(Self.model + "print(model.predict(x, verbose=0))\n")
    #expect(result.error == nil)
    #expect(Self.printed(result) == "[[0.9995004 1.9990008]\n [2.9985013 5.9970026]]\n")
  }

  @Test func unfixedCallsRun() {
    let code = """
      import numpy as np
      from tensorflow import keras
      inputs = keras.Input((2,))
      model = keras.Model(inputs, keras.layers.BatchNormalization()(inputs, training=None))
      print(model(np.ones((1, 2), "float32")).shape)

      """
    let result = KerasSession(kerasVersion: .keras2).run(code)
    #expect(result.error == nil)
    #expect(Self.printed(result) == "(1, 2)\n")
  }
}
