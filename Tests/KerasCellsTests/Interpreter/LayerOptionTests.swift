import CNNEngine
import KerasCells
import Testing

/// Layer options real model code passes as objects or in Keras 3's spelling: constraints,
/// TensorFlow's initializer classes, `LeakyReLU(negative_slope=)`, and the layers `PReLU`,
/// `RepeatVector` and `GroupNormalization`. (Their shapes and summaries are in the corpus, files 400-469.)
@Suite struct LayerOptionTests {
  func session(_ version: KerasVersion) -> KerasSession { KerasSession(kerasVersion: version) }

  @Test func constraintsBuildButAreRefusedInTraining() {
    let session = session(.keras2)
    let built = session.run(
      """
      import numpy as np
      from tensorflow import keras
      from tensorflow.keras import layers, constraints
      model = keras.Sequential([
          keras.Input(shape=(3,)),
          layers.Dense(4, kernel_constraint=constraints.MaxNorm(2.0), bias_constraint=keras.constraints.NonNeg()),
          layers.Dense(1),
      ])
      model.compile(optimizer="sgd", loss="mse")
      print(model.count_params())
      """)
    #expect(built.error == nil)
    #expect(built.printed(footer: .modern) == "21\n")
    let trained = session.run("model.fit(np.ones((2, 3)), np.ones((2, 1)), verbose=0)")
    #expect(
      trained.error?.message
        == "ConvBook cannot train a model with a bias_constraint yet (layer \"dense\")")
  }

  @Test func tensorflowInitializersDrawAsKerasOnes() {
    let result = session(.keras2).run(
      """
      import numpy as np
      import tensorflow as tf
      model = tf.keras.Sequential([
          tf.keras.Input(shape=(4, 4, 1)),
          tf.keras.layers.Conv2D(2, 3, kernel_initializer=tf.random_normal_initializer(0., 0.02),
                                 bias_initializer=tf.constant_initializer(0.1)),
      ])
      print(model.predict(np.ones((1, 4, 4, 1)), verbose=0).shape)
      """)
    #expect(result.error == nil)
    #expect(result.printed(footer: .modern) == "(1, 2, 2, 2)\n")
  }

  @Test func unknownInitializerNamesAreRefusedInEachVersionsWords() {
    let source =
      "from tensorflow.keras import layers\nlayers.Dense(2, kernel_initializer='he_normall')"
    #expect(
      session(.keras2).run(source).error?.message.hasPrefix(
        "Unknown initializer: 'he_normall'. Please ensure you are using a `keras.utils.custom_object_scope`"
      )
        == true)
    #expect(
      session(.keras3).run(source).error?.message
        == "Could not interpret initializer identifier: he_normall")
    #expect(
      session(.keras2).run(source.replacingOccurrences(of: "he_normall", with: "one")).error == nil)
  }

  @Test func leakyReLUTakesKeras3sNegativeSlope() {
    let keras3 = session(.keras3)
    #expect(keras3.run("import keras\na = keras.layers.LeakyReLU(negative_slope=0.1)").error == nil)
    #expect(keras3.run("b = keras.layers.LeakyReLU(0.2, alpha=0.3)").error == nil)
    let negative = keras3.run("keras.layers.LeakyReLU(negative_slope=-1)")
    #expect(
      negative.error?.message
        == "The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. Received: negative_slope=-1"
    )
    let keras2 = session(.keras2).run(
      "from tensorflow import keras\nkeras.layers.LeakyReLU(negative_slope=0.1)")
    #expect(keras2.error?.message == "('Keyword argument not understood:', 'negative_slope')")
  }

  @Test func keras3RefusesSlashesInLayerNames() {
    let source = "import keras\nkeras.layers.Dense(2, name='block1/dense')"
    #expect(session(.keras2).run(source).error == nil)
    #expect(
      session(.keras3).run(source).error?.message
        == "Argument `name` must be a string and cannot contain character `/`. Received: name=block1/dense (of type <class 'str'>)"
    )
  }

  @Test func preluHasOneAlphaPerValueOrPerSharedAxis() {
    let result = session(.keras2).run(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      inputs = keras.Input(shape=(8, 8, 4))
      a = layers.PReLU()(inputs)
      b = layers.PReLU(shared_axes=[1, 2])(inputs)
      c = layers.PReLU(shared_axes=3)(inputs)
      model = keras.Model(inputs, [a, b, c])
      print([layer.count_params() for layer in model.layers[1:]])
      """)
    #expect(result.error == nil)
    #expect(result.printed(footer: .modern) == "[256, 4, 64]\n")
    let unknown = session(.keras2).run(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      layers.PReLU()(keras.Input(shape=(None, 4)))
      """)
    #expect(unknown.error?.type == nil)
  }

  @Test func groupNormalizationChecksItsGroupsWhenBuilt() {
    let session = session(.keras2)
    session.run("from tensorflow import keras\nfrom tensorflow.keras import layers")
    let ok = session.run(
      "print(keras.Sequential([keras.Input((4, 4, 8)), layers.GroupNormalization(groups=-1)]).count_params())"
    )
    #expect(ok.printed(footer: .modern) == "16\n")
    #expect(
      session.run("layers.GroupNormalization(groups=16)(keras.Input((4, 4, 8)))").error?.message
        == "Number of groups (16) cannot be more than the number of channels (8).")
    #expect(
      session.run("layers.GroupNormalization(groups=3)(keras.Input((4, 4, 8)))").error?.message
        == "Number of groups (3) must be a multiple of the number of channels (8).")
  }

  @Test func repeatVectorRepeatsRank2Inputs() {
    let keras3 = session(.keras3)
    let result = keras3.run(
      """
      import keras
      x = keras.layers.RepeatVector(3)(keras.Input(shape=(5,)))
      print(x.shape)
      """)
    #expect(result.printed(format: .keras3()) == "(None, 3, 5)\n")
    #expect(
      keras3.run("keras.layers.RepeatVector(0)").error?.message
        == "Argument `n` should be a positive integer. Received: n=0")
    #expect(
      keras3.run("keras.layers.RepeatVector(2)(keras.Input(shape=(4, 5)))").error?.type
        == "ValueError")
  }
}
