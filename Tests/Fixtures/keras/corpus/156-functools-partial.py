# A layer factory made with functools.partial, as a well-known book writes its CNNs.
from functools import partial

from tensorflow import keras

DefaultConv2D = partial(keras.layers.Conv2D, kernel_size=3, activation="relu", padding="same")

model = keras.Sequential([
    DefaultConv2D(filters=64, kernel_size=7, input_shape=[28, 28, 1]),
    keras.layers.MaxPooling2D(pool_size=2),
    DefaultConv2D(filters=128),
    DefaultConv2D(filters=128),
    keras.layers.MaxPooling2D(pool_size=2),
    keras.layers.Flatten(),
    keras.layers.Dense(units=64, activation="relu"),
    keras.layers.Dense(units=10, activation="softmax"),
])
model.summary()
# %%
Dense8 = partial(keras.layers.Dense, 8)
print(Dense8(activation="tanh").activation.__name__ if False else Dense8().units)
