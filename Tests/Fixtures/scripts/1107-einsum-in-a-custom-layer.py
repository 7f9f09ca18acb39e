# einsum of two tensors inside a custom layer's call (keras.ops.einsum in Keras 3, tf.einsum in
# tf-keras): batched matrix products, a pooling of features by attention maps, an outer product;
# whole-number data keeps every sum exact.
import numpy as np
import tensorflow as tf
from tensorflow import keras

einsum = keras.ops.einsum if hasattr(keras, "ops") else tf.einsum


class Contract(keras.layers.Layer):
    def __init__(self, equation, split, **kwargs):
        super().__init__(**kwargs)
        self.equation = equation
        self.split = split

    def call(self, inputs):
        return einsum(self.equation, inputs[..., : self.split], inputs[..., self.split :])


data = (np.arange(2 * 3 * 4 * 6) % 7 - 3).astype("float32").reshape(2, 3, 4, 6)
for equation, split in [
    ("bhwc,bhwm->bmc", 4),
    ("bhwc,bhwm->bcm", 2),
    ("bijk,bijl->bikl", 3),
    ("bhwc,bhwm->bhwcm", 5),
]:
    inputs = keras.Input(shape=(3, 4, 6))
    outputs = Contract(equation, split)(inputs)
    model = keras.Model(inputs, outputs)
    result = model.predict(data, verbose=0)
    print(equation, outputs.shape, result.shape, result.reshape(-1)[:12].tolist())
