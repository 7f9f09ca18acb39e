import CNNEngine
import KerasCells
import Testing

/// A model with Dropout called in training mode under a `GradientTape` (a wrapper's own
/// `train_step`, keras-io's trainer pattern): tf-keras draws the masks with TensorFlow's stateful
/// generator, which ConvBook does not reproduce, so what the step computes is ConvBook's own draw
/// and fit's progress is refused (it printed other accuracies, a WRONG); Keras 3 draws them from
/// the layer's `SeedGenerator`, which ConvBook reproduces (values recorded with Keras 3.15.1).
@Suite struct TapeDropoutDrawTests {
  static let source = """
    import numpy as np
    import tensorflow as tf
    import keras

    keras.utils.set_random_seed(4)
    rows = np.random.rand(96, 6).astype("float32")
    labels = (rows.sum(axis=1) > 3).astype("int32")

    class Wrapper(keras.Model):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner
            self.score = keras.metrics.SparseCategoricalAccuracy(name="acc")

        @property
        def metrics(self):
            return [self.score]

        def train_step(self, batch):
            features, targets = batch
            with tf.GradientTape() as tape:
                probabilities = self.inner(features, training=True)
                loss = keras.losses.sparse_categorical_crossentropy(targets, probabilities)
            grads = tape.gradient(loss, self.trainable_variables)
            self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
            self.score.update_state(targets, probabilities)
            return {"acc": self.score.result()}

        def call(self, features):
            return self.inner(features)

    inner = keras.Sequential([
        keras.Input((6,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(2, activation="softmax"),
    ])
    wrapper = Wrapper(inner)
    wrapper.compile(optimizer="sgd")
    history = wrapper.fit(rows, labels, epochs=2, batch_size=32, verbose=VERBOSE)
    print(sorted(history.history))
    """

  @Test func tfKerasRefusesProgressOfItsOwnMasks() {
    let result = KerasSession(kerasVersion: .keras2).run(
      Self.source.replacingOccurrences(of: "VERBOSE", with: "2"))
    #expect(result.error?.type == nil)
    #expect(
      result.error?.message.hasPrefix("printing fit's progress would show losses and metrics")
        == true,
      "\(String(describing: result.error))")
  }

  @Test func tfKerasTrainsWithoutPrintingThem() {
    let result = KerasSession(kerasVersion: .keras2).run(
      Self.source.replacingOccurrences(of: "VERBOSE", with: "0"))
    #expect(result.error == nil, "\(String(describing: result.error))")
    #expect(result.printed() == "['acc']\n")
  }

  @Test func keras3ReproducesTheSeedGeneratorsMasks() {
    let result = KerasSession(kerasVersion: .keras3).run(
      Self.source.replacingOccurrences(of: "VERBOSE", with: "2"))
    #expect(result.error == nil, "\(String(describing: result.error))")
    #expect(
      result.printed()
        == "Epoch 1/2\n3/3 - acc: 0.5625\nEpoch 2/2\n3/3 - acc: 0.6667\n['acc']\n")
  }
}
