# Keras 3 exports InputSpec at the top of the package (tf-keras only in keras.layers); library
# layers written for Keras 3 take it from there.
from tensorflow import keras
from tensorflow.keras import layers

print(hasattr(keras, "InputSpec"))
InputSpec = keras.InputSpec if hasattr(keras, "InputSpec") else keras.layers.InputSpec
print(InputSpec is keras.layers.InputSpec, InputSpec(ndim=3, axes={-1: 4}))


class Doubled(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.input_spec = InputSpec(ndim=3)

    def call(self, x):
        return x * 2.0


tokens = keras.Input(shape=(6, 4))
print(Doubled()(tokens).shape)
try:
    Doubled()(keras.Input(shape=(6,)))
except ValueError as error:
    print("ValueError:", error)
print(keras.InputSpec(max_ndim=2))
