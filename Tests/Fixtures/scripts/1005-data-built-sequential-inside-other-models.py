# A Sequential model without an Input is built by its first call on data, on that batch size.
# Inside another model its shapes follow each Keras' rule: Keras 3 keeps the data's batch size,
# tf-keras builds it again with the batch left open once a Keras tensor of another batch comes in.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

head = keras.Sequential([layers.Dense(5), layers.Dense(3)])
head(np.zeros((9, 8), dtype="float32"))
print("head built on data:", head.output_shape)
features = keras.Input((8,))
joined = keras.Model(features, head(features))
joined.summary(expand_nested=True)
print("after a call on keras.Input:", head.output_shape)
first = head.layers[0]
print(first.output_shape if hasattr(first, "output_shape") else "no output_shape on a layer")

block = keras.Sequential([layers.Conv2D(4, 3, padding="same"), layers.ReLU()])


class Wrapper(keras.Model):
    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def call(self, x):
        return self.inner(x)


wrapper = Wrapper(block)
print(wrapper.inner(np.ones((7, 6, 6, 2), dtype="float32")).shape)
try:
    wrapper.summary()
except ValueError as error:
    print("summary of the wrapper:", error)
block.summary()
