from functools import partial

import tensorflow as tf
from tensorflow import keras

DefaultConv2D = partial(keras.layers.Conv2D, kernel_size=3, activation="relu", padding="SAME")
DefaultPool = partial(keras.layers.MaxPooling2D, pool_size=2)

model = keras.models.Sequential([
    DefaultConv2D(filters=64, kernel_size=7, input_shape=[28, 28, 1]),
    DefaultPool(),
    DefaultConv2D(filters=128),
    DefaultConv2D(filters=128),
    DefaultPool(),
    DefaultConv2D(filters=256),
    DefaultConv2D(filters=256),
    DefaultPool(),
    keras.layers.Flatten(),
    keras.layers.Dense(units=128, activation="relu"),
    keras.layers.Dropout(0.5),
    keras.layers.Dense(units=64, activation="relu"),
    keras.layers.Dropout(0.5),
    keras.layers.Dense(units=10, activation="softmax"),
])
model.summary()
print(DefaultConv2D.keywords["padding"], DefaultPool.func.__name__)
kernel_sizes = {layer.kernel_size for layer in model.layers if isinstance(layer, keras.layers.Conv2D)}
print(sorted(kernel_sizes))
