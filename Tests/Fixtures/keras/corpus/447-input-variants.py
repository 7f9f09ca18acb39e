# Ways real code writes the input: a positional shape tuple, a fixed batch size, a name and a dtype.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

a = keras.Input((28, 28, 1))
b = keras.Input(shape=(28, 28, 1), batch_size=32, name="batched")
c = keras.Input(shape=[10], dtype="float32", name="features")
print(a.shape, b.shape, c.shape)

# %%
x = layers.Conv2D(8, 3, activation="relu")(b)
x = layers.Flatten()(x)
x = layers.Dense(4)(x)
model = keras.Model(b, x)
model.summary()

# %%
seq = keras.Sequential([layers.Dense(8, input_shape=(10,), batch_size=16), layers.Dense(1)])
seq.summary()
