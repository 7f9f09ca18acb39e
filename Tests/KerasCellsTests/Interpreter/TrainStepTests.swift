import KerasCells
import Testing

/// A subclassed model's own train_step run by `fit`: progress lines, and what is refused (as
/// ConvBook's limitation, or as Keras refuses it).
@Suite struct TrainStepTests {
  static let model = """
    import numpy as np
    import tensorflow as tf
    from tensorflow import keras
    x = (np.arange(24) / 23.0).reshape(12, 2).astype("float32")
    y = (x[:, :1] * 2 - x[:, 1:]).astype("float32")
    class M(keras.Model):
        def __init__(self):
            super().__init__()
            self.d = keras.layers.Dense(1, kernel_initializer="ones")
            self.tracker = keras.metrics.Mean(name="tr")
        def call(self, x):
            return self.d(x)
        def train_step(self, data):
            xx, yy = data
            s = tf.reduce_sum(xx[:, 0])
            self.tracker.update_state(s)
            return {"s": s, "tr": self.tracker.result()}
    m = M()

    """

  /// tf-keras' `verbose=1` bar averages the values that are not the model's metrics over the
  /// batches, the last one twice (recorded: `s: 1.8913`); the metric `tr` and Keras 3 show the
  /// last batch's logs.
  @Test func verboseOneAveragesAsEachKerasDoes() throws {
    let source =
      Self.model + """
        m.compile(optimizer="sgd")
        h = m.fit(x, y, batch_size=5, epochs=1, shuffle=False, verbose=1)
        print(h.history)
        """
    let tfKeras = KerasSession(kerasVersion: .keras2).run(source)
    #expect(tfKeras.error == nil, "\(String(describing: tfKeras.error))")
    #expect(
      tfKeras.printed().contains("3/3 [==============================] - s: 1.8913 - tr: 1.9130\n"))
    #expect(tfKeras.printed().contains("{'s': [1.8260869979858398], 'tr': [1.91304349899292]}"))
    let keras3 = KerasSession(kerasVersion: .keras3).run(source)
    #expect(keras3.error == nil, "\(String(describing: keras3.error))")
    #expect(keras3.printed().contains(" - s: 1.8261 - tr: 1.9130\n"))
  }

  @Test func fitBeforeCompileIsEachKerasError() throws {
    let source = Self.model + "m.fit(x, y, verbose=0)\n"
    let tfKeras = try #require(KerasSession(kerasVersion: .keras2).run(source).error)
    #expect(tfKeras.type == "RuntimeError")
    #expect(
      tfKeras.message
        == "You must compile your model before training/testing. Use `model.compile(optimizer, loss)`."
    )
    let keras3 = try #require(KerasSession(kerasVersion: .keras3).run(source).error)
    #expect(keras3.type == "ValueError")
    #expect(keras3.message == "You must call `compile()` before using the model.")
  }

  @Test(arguments: [
    (
      """
      g = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
      with tf.GradientTape() as outer:
          with tf.GradientTape() as inner:
              out = tf.reduce_sum(g(tf.ones((2, 2))))
          grads = inner.gradient(out, g.trainable_weights)
      """,
      "ConvBook does not compute second derivatives through a model call"
    ),
    (
      """
      d = keras.layers.Dense(2)
      d(tf.ones((2, 3)))
      with tf.GradientTape() as tape:
          loss = tf.reduce_mean(d(tf.ones((2, 3))))
      tape.gradient(loss, d.trainable_weights)
      """,
      "ConvBook does not compute gradients through the layer dense_1 called on its own on data yet"
    ),
    (
      """
      m.compile(optimizer="sgd")
      m.fit(x, y, validation_data=(x, y), verbose=0)
      """,
      "ConvBook validates a model with its own train_step through its own test_step only"
    ),
    (
      """
      m.compile(optimizer="sgd")
      m.fit(x, y, sample_weight=np.ones(12), verbose=0)
      """,
      "ConvBook does not support fit(sample_weight=...) with a model's own train_step yet"
    ),
  ])
  func refusalsNameWhatConvBookLacks(_ body: String, _ prefix: String) throws {
    let error = try #require(KerasSession(kerasVersion: .keras2).run(Self.model + body).error)
    #expect(error.type == nil, "\(error.message)")
    #expect(error.message.hasPrefix(prefix), "\(error.message)")
  }

  /// Keras' own error when no gradient reaches any variable.
  @Test func noGradientsIsKerasValueError() throws {
    let source = """
      import tensorflow as tf
      from tensorflow import keras
      g = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
      with tf.GradientTape() as tape:
          loss = tf.reduce_mean(tf.ones((2, 2)))
      grads = tape.gradient(loss, g.trainable_weights)
      keras.optimizers.Adam().apply_gradients(zip(grads, g.trainable_weights))
      """
    let tfKeras = try #require(KerasSession(kerasVersion: .keras2).run(source).error)
    #expect(tfKeras.type == "ValueError")
    #expect(
      tfKeras.message.hasPrefix(
        "No gradients provided for any variable: (['dense/kernel:0', 'dense/bias:0'],)."))
    let keras3 = try #require(
      KerasSession(kerasVersion: .keras3).run(
        source.replacingOccurrences(of: "from tensorflow import keras", with: "import keras")
      ).error)
    #expect(keras3.message == "No gradients provided for any variable.")
  }
}
