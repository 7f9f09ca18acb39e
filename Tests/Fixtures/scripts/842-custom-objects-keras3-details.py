# Details of custom objects where the two Kerases differ: the name an activation is written
# under, a custom layer's dtype before it is built, a layer that declares its output shape and
# prints in call(), and a metric whose first add_weight argument is its name.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Norm(layers.Layer):
    def build(self, input_shape):
        print("build dtype:", self.dtype)
        self.scale = self.add_weight(
            name="scale", shape=(input_shape[-1],), initializer="ones", dtype=self.dtype)

    def call(self, inputs):
        print("tracing Norm")
        return inputs * self.scale

    def compute_output_shape(self, input_shape):
        return input_shape


inputs = keras.Input(shape=(6,))
hidden = layers.Dense(4, activation="swish")(inputs)
hidden = layers.Activation("silu")(hidden)
outputs = Norm(name="norm")(hidden)
model = keras.Model(inputs, outputs)
print(model.layers[1].get_config()["activation"], model.layers[2].get_config()["activation"])
print(model.count_params())


class Total(keras.metrics.Metric):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.total = self.add_weight("total", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.total.assign_add(tf.reduce_sum(y_pred))

    def result(self):
        return self.total


metric = Total(name="total_sum")
metric.update_state(np.zeros((2, 1)), np.array([[1.5], [2.0]], dtype="float32"))
print(float(metric.result()))
