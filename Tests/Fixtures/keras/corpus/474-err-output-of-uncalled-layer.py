# Asking a layer that was never called for its output tensor.
from tensorflow import keras
from tensorflow.keras import layers

head = layers.Dense(10, name="head")
print(head.name, head.built)
print(head.output)
