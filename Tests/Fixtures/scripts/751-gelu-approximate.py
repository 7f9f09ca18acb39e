# gelu's two forms: the exact erf one (tf.nn.gelu's and keras.activations.gelu's default) and
# the tanh approximation (approximate=True, keras.ops.gelu's default), in a Lambda, on Keras
# tensors, and in a custom layer's call.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Gelu(layers.Layer):
    def __init__(self, form="tanh", **kwargs):
        super().__init__(**kwargs)
        self.form = form

    def call(self, inputs):
        return keras.activations.gelu(inputs, approximate=self.form == "tanh")


inputs = keras.Input((5,))
exact = layers.Lambda(lambda t: tf.nn.gelu(t))(inputs)
rough = layers.Lambda(lambda t: tf.nn.gelu(t, approximate=True))(inputs)
in_graph = keras.activations.gelu(inputs, approximate=True)
default_activation = keras.activations.gelu(inputs)
custom_tanh = Gelu()(inputs)
custom_erf = Gelu(form="erf")(inputs)
model = keras.Model(
    inputs, [exact, rough, in_graph, default_activation, custom_tanh, custom_erf])
model.summary()
values = np.array([[-4.0, -1.25, 0.0, 0.6, 3.5]], dtype="float32")
for output in model.predict(values, verbose=0):
    print(np.round(output, 6))
