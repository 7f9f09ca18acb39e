# A subclassed model made of custom layers, built by a call on data: Keras 3's summary shows an
# output shape only for the layers that can compute one (built-in layers, a custom layer with
# its own compute_output_shape); the other custom layers' rows show `?`.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Squeeze(layers.Layer):
    def __init__(self, width, **kwargs):
        super().__init__(**kwargs)
        self.inner = layers.Dense(width, activation="relu")
        self.outer = layers.Dense(width // 2)

    def call(self, x):
        return self.outer(self.inner(x))


class Gate(layers.Layer):
    def build(self, input_shape):
        self.scale = self.add_weight(name="scale", shape=(input_shape[-1],), initializer="ones")

    def call(self, x):
        return x * tf.sigmoid(self.scale)

    def compute_output_shape(self, input_shape):
        return input_shape


class Pipeline(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.squeeze = Squeeze(8, name="squeeze")
        self.gate = Gate(name="gate")
        self.head = layers.Dense(3, name="head")

    def call(self, inputs):
        return self.head(self.gate(self.squeeze(inputs)))


model = Pipeline(name="pipeline")
out = model(np.ones((4, 6), dtype="float32"))
print(out.shape)
model.summary()
