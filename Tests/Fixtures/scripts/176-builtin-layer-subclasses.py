"""Subclasses of built-in layers: Monte Carlo dropout, a Dense that adds a config entry, a plain
subclass, and isinstance checks across them."""
import tensorflow as tf
from tensorflow import keras


class MCDropout(keras.layers.Dropout):
    def call(self, inputs, training=None):
        return super().call(inputs, training=True)


class ScaledDense(keras.layers.Dense):
    def __init__(self, units, scale=1.0, **kwargs):
        super().__init__(units, **kwargs)
        self.scale = scale

    def get_config(self):
        config = super().get_config()
        config.update({"scale": self.scale})
        return config


class PlainConv(keras.layers.Conv2D):
    pass


base = keras.Sequential([
    keras.layers.Input(shape=(8, 8, 1)),
    PlainConv(4, 3, activation="relu"),
    keras.layers.Flatten(),
    keras.layers.Dropout(0.3),
    ScaledDense(10, scale=0.5, activation="relu"),
    keras.layers.Dropout(0.3),
    keras.layers.Dense(3, activation="softmax"),
])
mc = keras.Sequential([keras.Input(shape=(8, 8, 1))] + [
    MCDropout(layer.rate) if isinstance(layer, keras.layers.Dropout) else layer
    for layer in base.layers
])
mc.summary()
for layer in mc.layers:
    print(layer.name, type(layer).__name__, isinstance(layer, keras.layers.Dropout),
          isinstance(layer, keras.layers.Layer))
dense = base.layers[3]
config = dense.get_config()
print(config["units"], config["scale"], config["activation"], dense.scale)
print(mc.layers[2].rate, mc.count_params() == base.count_params())
mc.set_weights(base.get_weights())
print(len(mc.get_weights()))
