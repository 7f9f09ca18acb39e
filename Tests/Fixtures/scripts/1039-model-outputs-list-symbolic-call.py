# A functional model made with `outputs=[t]` (a list holding one tensor) hands that list back
# when it is called on Keras tensors in Keras 3 (tf-keras hands back the tensor); a call on data
# and `output_shape` unwrap it. A difference layer whose `call` subtracts its two arguments then
# subtracts two lists in Keras 3, which Python refuses, and Keras 3 reports it for the layer.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

inp = keras.Input(shape=(6,), name="pixels")
code = layers.Dense(3, name="code")(inp)
encoder = keras.Model(inputs=[inp], outputs=[code], name="encoder")

left = keras.Input(shape=(6,), name="left")
right = keras.Input(shape=(6,), name="right")
first = encoder(left)
print(type(first).__name__, isinstance(first, list))
print(encoder.output_shape)
print(type(encoder(np.zeros((2, 6), "float32"))).__name__)

pair = keras.Model(inputs=[left, right], outputs=[encoder(left)[0], encoder(right)[0]])
print(len(pair.outputs), pair.output_shape)


class Gap(layers.Layer):
    def call(self, a, b):
        return a - b


gap = Gap(name="gap")
print("calling gap")
distance = gap(encoder(left), encoder(right))
print("tf-keras only:", distance.shape)
