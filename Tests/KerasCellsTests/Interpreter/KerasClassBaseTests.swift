import KerasCells
import Testing

/// Subclasses of Keras' callback, loss, metric, regularizer, constraint, initializer and schedule
/// classes, and subclassed models given their graph: Keras' behaviour (measured with tf-keras 2.21
/// and Keras 3.15) and ConvBook's honest refusals of what it does not run yet.
@Suite struct KerasClassBaseTests {
  static let prelude = """
    import numpy as np
    import tensorflow as tf
    from tensorflow import keras

    """

  @Test func lossBaseAttributesFollowEachKeras() {
    let source =
      Self.prelude + """
        class L(keras.losses.Loss):
            def call(self, y_true, y_pred):
                return tf.abs(y_true - y_pred)
        l = L()
        print(l.name, l.reduction, l.get_config())
        print(L(name="mine").get_config())

        """
    let tfKeras = KerasSession(kerasVersion: .keras2).run(source)
    #expect(tfKeras.error == nil)
    #expect(
      tfKeras.printed()
        == "None auto {'reduction': 'auto', 'name': None}\n{'reduction': 'auto', 'name': 'mine'}\n")
    let keras3 = KerasSession(kerasVersion: .keras3).run(source)
    #expect(keras3.error == nil)
    #expect(
      keras3.printed()
        == "l sum_over_batch_size {'name': 'l', 'reduction': 'sum_over_batch_size'}\n{'name': 'mine', 'reduction': 'sum_over_batch_size'}\n"
    )
  }

  @Test func kerasErrorsInKerasWords() throws {
    let cases: [(String, String, String)] = [
      (
        "class R(keras.regularizers.Regularizer):\n    pass\nR().get_config()\n",
        "NotImplementedError", "<__main__.R object> does not implement get_config()"
      ),
      (
        "class S(keras.optimizers.schedules.LearningRateSchedule):\n    pass\nS().get_config()\n",
        "NotImplementedError",
        "Learning rate schedule 'S' must override `get_config()` in order to be serializable."
      ),
      (
        "class C(keras.callbacks.Callback):\n    pass\nC(1)\n", "TypeError",
        "Callback.__init__() takes exactly one argument (the instance to initialize)"
      ),
      (
        "class L(keras.losses.Loss):\n    pass\nL(color=1)\n", "TypeError",
        "Loss.__init__() got an unexpected keyword argument 'color'"
      ),
      (
        "class C(keras.callbacks.Callback):\n    pass\nC()(1)\n", "TypeError",
        "'C' object is not callable"
      ),
    ]
    for (body, type, message) in cases {
      let error = try #require(
        KerasSession(kerasVersion: .keras2).run(Self.prelude + body).error, "\(body)")
      #expect(error.type == type, "\(body)")
      #expect(error.message == message, "\(body): \(error.message)")
    }
  }

  @Test func limitationsAreConvBooks() throws {
    let model = """
      x = np.ones((4, 3), dtype="float32")
      y = np.zeros((4, 1), dtype="float32")

      """
    let cases: [(String, String)] = [
      (
        """
        class R(keras.regularizers.Regularizer):
            def __call__(self, w):
                return tf.reduce_sum(w)
        m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, kernel_regularizer=R())])
        m.compile(optimizer="sgd", loss="mse")
        m.fit(x, y, verbose=0)
        """,
        "ConvBook cannot train a model with the custom regularizer R (a subclass of keras.regularizers.Regularizer) yet"
      ),
      (
        """
        class I(keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                return tf.ones(shape)
        m = keras.Sequential([keras.Input((3, 2)), keras.layers.LSTM(1, kernel_initializer=I())])
        """,
        "ConvBook does not support a custom initializer (I) in LSTM layers yet"
      ),
      (
        """
        class Hits(keras.metrics.Metric):
            def __init__(self):
                super().__init__()
                self.hits = self.add_weight(name="hits", initializer="glorot_uniform")
        m = Hits()
        """,
        "ConvBook does not support a metric variable's initializer 'glorot_uniform' yet"
      ),
      (
        """
        class Stepper(keras.Model):
            def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None):
                return 0.0
        inputs = keras.Input((3,))
        m = Stepper(inputs, keras.layers.Dense(1)(inputs))
        m.compile(optimizer="sgd", loss="mse")
        m.fit(x, y, verbose=0)
        """,
        "ConvBook does not support `model.fit()` of a subclassed model that defines its own compute_loss() yet"
      ),
    ]
    for (body, prefix) in cases {
      for keras3 in [false, true] {
        let session =
          keras3 ? KerasSession(kerasVersion: .keras3) : KerasSession(kerasVersion: .keras2)
        let error = try #require(session.run(Self.prelude + model + body).error, "\(body)")
        #expect(error.type == nil, "\(body)")
        #expect(error.message.contains(prefix), "\(body): \(error.message)")
      }
    }
  }

  @Test func callbackSeesTheModelAndStopsTraining() {
    let result = KerasSession(kerasVersion: .keras2).run(
      Self.prelude + """
        class Stop(keras.callbacks.Callback):
            def on_epoch_end(self, epoch, logs=None):
                print(epoch, sorted(logs), self.model.name)
                if epoch == 2:
                    self.model.stop_training = True
        m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)], name="m")
        m.compile(optimizer="sgd", loss="mse")
        h = m.fit(np.ones((4, 3)), np.zeros((4, 1)), epochs=9, callbacks=[Stop()], verbose=0)
        print(h.epoch, m.stop_training)
        """)
    #expect(result.error == nil)
    #expect(
      result.printed()
        == "0 ['loss'] m\n1 ['loss'] m\n2 ['loss'] m\n[0, 1, 2] True\n")
  }

  @Test func functionalSubclassIsItsModel() {
    let result = KerasSession(kerasVersion: .keras2).run(
      Self.prelude + """
        class Net(keras.Model):
            def width(self):
                return self.layers[-1].units
        inputs = keras.Input((3,))
        net = Net(inputs, keras.layers.Dense(5)(inputs))
        other = Net(inputs=inputs, outputs=keras.layers.Dense(2)(inputs), name="other")
        print(net.name, net.width(), other.name, net.count_params(), isinstance(net, Net))
        """)
    #expect(result.error == nil)
    #expect(result.printed() == "net 5 other 20 True\n")
  }
}

extension KerasClassBaseTests {
  /// tf-keras reshapes a Constant's array to the weight's shape; Keras 3 multiplies it by ones of
  /// that shape, which an array of 16 values cannot be for a 4x4 kernel.
  @Test func constantArrayFillsEachKerasItsWay() throws {
    let source =
      Self.prelude + """
        values = np.array([1.0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
        init = keras.initializers.Constant(values)
        m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(4, kernel_initializer=init)])
        print(m.layers[0].kernel.numpy()[2])

        """
    let tfKeras = KerasSession(kerasVersion: .keras2).run(source)
    #expect(tfKeras.error == nil)
    #expect(tfKeras.printed() == "[0. 0. 1. 0.]\n")
    let error = try #require(KerasSession(kerasVersion: .keras3).run(source).error)
    #expect(error.type == nil)
    #expect(error.message.contains("ConvBook cannot broadcast a Constant initializer's array"))
  }

  @Test func weightsChangeInPlace() {
    let result = KerasSession(kerasVersion: .keras2).run(
      Self.prelude + """
        m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2, kernel_initializer="ones")])
        m.layers[0].bias.assign([1.0, 2.0])
        m.layers[0].bias.assign_sub(np.array([0.5, 0.5]))
        print(m.layers[0].bias.numpy(), m.predict(np.ones((1, 2)), verbose=0))
        """)
    #expect(result.error == nil)
    #expect(result.printed() == "[0.5 1.5] [[2.5 3.5]]\n")
  }
}

extension KerasClassBaseTests {
  /// Keras keeps a model's traced predict function, so a change after a predict does not reach
  /// it; ConvBook refuses that change rather than run the new activation.
  @Test func activationChangeAfterARunIsRefused() throws {
    let source =
      Self.prelude + """
        m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2, activation="softmax")])
        m.predict(np.ones((1, 2)), verbose=0)
        m.layers[-1].activation = None

        """
    let error = try #require(KerasSession(kerasVersion: .keras2).run(source).error)
    #expect(error.type == nil)
    #expect(
      error.message.hasPrefix(
        "ConvBook does not support changing the activation of dense after the model"))
  }
}

extension KerasClassBaseTests {
  /// A constraint on a custom layer's weight builds the model; training refuses it by name.
  @Test func addWeightConstraintIsRefusedWhenTraining() throws {
    let source =
      Self.prelude + """
        class Gain(keras.layers.Layer):
            def build(self, input_shape):
                self.g = self.add_weight(name="g", shape=(3,), constraint=keras.constraints.NonNeg())
            def call(self, x):
                return x * self.g
        inputs = keras.Input((3,))
        m = keras.Model(inputs, Gain()(inputs))
        print(m.count_params())
        m.compile(optimizer="sgd", loss="mse")
        m.fit(np.ones((2, 3)), np.ones((2, 3)), verbose=0)

        """
    let result = KerasSession(kerasVersion: .keras2).run(source)
    #expect(result.printed() == "3\n")
    let error = try #require(result.error)
    #expect(error.type == nil)
    #expect(
      error.message.hasPrefix("ConvBook cannot train a model with a constraint of add_weight()"))
  }
}
