from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(32, 32, 3), name="image")
x = layers.Conv2D(16, 3, strides=2, padding="same")(inputs)
print(repr(x.shape))
print(x.shape.as_list(), x.shape.rank)
flat = 1
for size in x.shape.as_list()[1:]:
    flat *= size
print("flattened size:", flat)
y = layers.Flatten()(x)
assert y.shape[-1] == flat
print(repr(y.shape[1:]))
