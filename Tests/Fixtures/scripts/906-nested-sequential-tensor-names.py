# A Sequential model inside a Sequential model, both built by their first call: Keras 3 names
# each layer's output right after its call, so the inner model's tensors sit between the outer
# model's.
from tensorflow import keras
from tensorflow.keras import layers

inner = keras.Sequential([layers.Dense(3), layers.Dense(4)], name="inner")
outer = keras.Sequential([layers.Dense(5), inner, layers.Dense(2)], name="outer")
x = keras.Input((6,))
y = outer(x)
print(y)
print(inner.layers[0].output)
print(inner.layers[1].output)
print(outer.layers[0].output)
print(outer.layers[2].output)
z = layers.Dense(1)(y)
print(z)
outer.summary()
