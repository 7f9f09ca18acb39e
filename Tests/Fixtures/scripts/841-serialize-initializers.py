# A normalization layer that keeps its initializer, regularizer and constraint as objects and
# writes them into its config with the modules' serialize(); get() makes them again.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import constraints, initializers, layers, regularizers


class Centered(keras.initializers.Initializer):
    def __init__(self, value=0.5):
        self.value = value

    def __call__(self, shape, dtype=None):
        return tf.fill(shape, self.value)

    def get_config(self):
        return {"value": self.value}


class ScaleShift(layers.Layer):
    def __init__(self, gamma_init="ones", gamma_reg=None, beta_limit=None, **kwargs):
        super().__init__(**kwargs)
        self.gamma_init = initializers.get(gamma_init)
        self.gamma_reg = regularizers.get(gamma_reg)
        self.beta_limit = constraints.get(beta_limit)

    def build(self, input_shape):
        self.gamma = self.add_weight(
            name="gamma", shape=(input_shape[-1],), initializer=self.gamma_init,
            regularizer=self.gamma_reg)
        self.beta = self.add_weight(
            name="beta", shape=(input_shape[-1],), initializer="zeros",
            constraint=self.beta_limit)

    def call(self, inputs):
        return inputs * self.gamma + self.beta

    def get_config(self):
        config = super().get_config()
        config["gamma_init"] = initializers.serialize(self.gamma_init)
        config["gamma_reg"] = regularizers.serialize(self.gamma_reg)
        config["beta_limit"] = constraints.serialize(self.beta_limit)
        return config


layer = ScaleShift(
    initializers.TruncatedNormal(stddev=0.05), regularizers.l1(0.002), "non_neg", name="ss")
inputs = keras.Input(shape=(8, 3))
outputs = layer(inputs)
print(keras.Model(inputs, outputs).count_params())
config = layer.get_config()
for key in ("gamma_init", "gamma_reg", "beta_limit"):
    print(key, config[key])
again = ScaleShift.from_config(config)
print(type(again.gamma_init).__name__, again.gamma_init.get_config()["stddev"])
print(type(again.gamma_reg).__name__, type(again.beta_limit).__name__)
print(initializers.serialize(Centered(2.0)))
print(initializers.serialize(initializers.get(None)), regularizers.serialize(None))
print(constraints.serialize(constraints.MaxNorm(3.0, axis=[0, 1])))
print(initializers.get({"module": "keras.initializers", "class_name": "Constant",
                        "config": {"value": 4}, "registered_name": None}).get_config())


class Gain(layers.Layer):
    def build(self, input_shape):
        # (n) is no tuple: tf-keras takes the int as the shape (n,), Keras 3 refuses it.
        self.k = self.add_weight(name="k", shape=(input_shape[-1]), initializer="ones")

    def call(self, inputs):
        return inputs * self.k


gained = Gain(name="gain")(keras.Input(shape=(4, 5)))
print(gained.shape)
