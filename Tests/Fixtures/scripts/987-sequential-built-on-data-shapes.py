# A Sequential model without an Input is built by its first call on data: Keras builds it on that
# data's whole shape, batch size included, and its input_shape / output_shape say so until a
# call with another batch size makes tf-keras rebuild it for any batch.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

stack = keras.Sequential([layers.Dense(3, activation="relu"), layers.Dense(2)])
print(stack(np.zeros((5, 4), dtype="float32")).shape)
print(stack.input_shape, stack.output_shape)
stack.summary()
print(stack(np.ones((7, 4), dtype="float32")).shape)
print(stack.input_shape, stack.output_shape)

declared = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
declared(np.zeros((3, 4), dtype="float32"))
print(declared.input_shape, declared.output_shape)
