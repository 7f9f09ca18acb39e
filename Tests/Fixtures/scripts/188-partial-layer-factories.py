"""functools.partial layer factories, as a book's ResNet chapter writes them."""
from functools import partial

import tensorflow as tf
from tensorflow import keras

tf.random.set_seed(42)
DefaultConv2D = partial(keras.layers.Conv2D, kernel_size=3, strides=1, padding="same", use_bias=False)
DefaultPool = partial(keras.layers.MaxPooling2D, pool_size=2)
print(DefaultConv2D.func.__name__, sorted(DefaultConv2D.keywords))

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    DefaultConv2D(filters=16, kernel_size=5),
    keras.layers.BatchNormalization(),
    keras.layers.Activation("relu"),
    DefaultPool(),
    DefaultConv2D(filters=32),
    DefaultConv2D(filters=32, strides=2),
    DefaultPool(pool_size=(2, 2)),
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(10, activation="softmax"),
], name="partial_cnn")
model.summary()
print([type(layer).__name__ for layer in model.layers if "conv" in layer.name])
