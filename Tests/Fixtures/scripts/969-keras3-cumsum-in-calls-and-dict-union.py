# Keras 3's ops.cumsum and ops.cumprod on symbolic tensors: inside a custom layer's call (an
# increasing link built from softplus steps, a config merged with Python 3.9's dict union) and
# as operations of a functional model; a model with a running sum trains through it.
import numpy as np
from tensorflow import keras

if not hasattr(keras, "ops"):
    print("tf-keras has no keras.ops")
else:
    ops = keras.ops

    class Increasing(keras.layers.Layer):
        def __init__(self, start=0.0, **kwargs):
            super().__init__(**kwargs)
            self.start = start

        def call(self, steps):
            return self.start + ops.cumsum(keras.activations.softplus(steps), axis=-1)

        def get_config(self):
            return super().get_config() | {"start": self.start}

    link = Increasing(start=-1.0, name="increasing")
    print(link(np.array([[0.0, -2.0, 1.0, 0.5]], dtype="float32")))
    print(link.get_config())
    print({"a": 1, "b": 2} | {"b": 3}, {} | {"c": 4})

    series = keras.Input((5, 2))
    totals = ops.cumsum(series, axis=1)
    growth = ops.cumprod(1.0 + keras.layers.Dense(2, kernel_initializer="zeros")(series), axis=1)
    model = keras.Model(series, keras.layers.Concatenate()([totals, growth]))
    model.summary()
    print(model.predict(np.ones((1, 5, 2), dtype="float32"), verbose=0))

    ramp = np.linspace(-1.0, 1.0, 12, dtype="float32").reshape(3, 4)
    regressor = keras.Sequential(
        [
            keras.Input((4,)),
            keras.layers.Dense(4, kernel_initializer="identity"),
            Increasing(),
            keras.layers.Dense(1, kernel_initializer="ones"),
        ]
    )
    regressor.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse")
    history = regressor.fit(ramp, np.array([[1.0], [2.0], [3.0]]), epochs=3, verbose=0)
    print([round(loss, 4) for loss in history.history["loss"]])
