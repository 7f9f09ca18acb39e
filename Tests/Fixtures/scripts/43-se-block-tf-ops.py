# Squeeze-and-excitation with TensorFlow ops instead of layers (a common blog variant).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def se_block(x, reduction=4):
    filters = x.shape[-1]
    s = tf.reduce_mean(x, axis=[1, 2])
    s = layers.Dense(filters // reduction, activation="relu")(s)
    s = layers.Dense(filters, activation="sigmoid")(s)
    s = tf.expand_dims(tf.expand_dims(s, 1), 1)
    return x * s


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(inputs)
x = se_block(x)
x = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(x)
x = se_block(x, reduction=8)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(10)(x), name="se_net")
model.summary()
print("params:", model.count_params())
