import KerasCells
import Testing

/// Keras 3 lists a `seed_generator_state` variable for each `SeedGenerator` a layer keeps in
/// `variables` and `non_trainable_variables` (not in `weights`): measured with Keras 3.15.1, a
/// Sequential of Dense, Dropout, GaussianNoise and RandomFlip has 5 variables and 2 weights.
/// ConvBook does not list them yet and says so; `weights` and tf-keras are unchanged.
@Suite struct Keras3SeedStateTests {
  static let source = """
    import keras
    from keras import layers

    model = keras.Sequential([keras.Input((4,)), layers.Dense(3), layers.Dropout(0.2)])


    class Noisy(layers.Layer):
        def __init__(self):
            super().__init__()
            self.generator = keras.random.SeedGenerator(3)

        def call(self, x):
            return keras.random.dropout(x, 0.5, seed=self.generator)


    class Holder(keras.Model):
        def __init__(self):
            super().__init__()
            self.dense = layers.Dense(2)
            self.noisy = Noisy()

        def call(self, x):
            return self.noisy(self.dense(x))

    """

  @Test func keras3RefusesTheListsThatWouldHoldSeedStates() {
    let session = KerasSession(kerasVersion: .keras3)
    #expect(session.run(Self.source).error == nil)
    #expect(session.run("print(len(model.weights), len(model.trainable_variables))").error == nil)
    #expect(
      session.run("model.variables").error?.message
        == "ConvBook does not list the seed generator state variables Keras 3 adds to `variables` yet (the Dropout layer `dropout` keeps a SeedGenerator)"
    )
    #expect(
      session.run("model.layers[1].non_trainable_variables").error?.message
        == "ConvBook does not list the seed generator state variables Keras 3 adds to `non_trainable_variables` yet (the Dropout layer `dropout` keeps a SeedGenerator)"
    )
    #expect(
      session.run("Holder().variables").error?.message
        == "ConvBook does not list the seed generator state variables Keras 3 adds to `variables` yet (the layer `Noisy` keeps a SeedGenerator)"
    )
    #expect(
      session.run("keras.Sequential([keras.Input((4,)), layers.Dense(3)]).variables").error == nil)
  }

  @Test func tfKerasListsItsVariablesAsBefore() {
    let session = KerasSession(kerasVersion: .keras2)
    #expect(
      session.run(
        "import keras\nfrom keras import layers\nm = keras.Sequential([keras.Input((4,)), layers.Dense(3), layers.Dropout(0.2)])\nprint(len(m.variables))"
      ).printed(footer: .modern) == "2\n")
  }
}
