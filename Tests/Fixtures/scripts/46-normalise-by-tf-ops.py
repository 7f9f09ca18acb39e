# Per-sample standardisation and clipping written with tf ops inside Lambda layers (def form).
import tensorflow as tf
from tensorflow import keras


def standardize(x):
    mean = tf.reduce_mean(x, axis=[1, 2, 3], keepdims=True)
    centered = x - mean
    std = tf.sqrt(tf.reduce_mean(tf.square(centered), axis=[1, 2, 3], keepdims=True) + 1e-6)
    return centered / std


def clip_and_scale(x):
    return tf.clip_by_value(x, -3.0, 3.0) / 3.0


model = keras.Sequential([
    keras.layers.Lambda(standardize, input_shape=(28, 28, 1), name="standardize"),
    keras.layers.Lambda(clip_and_scale, name="clip"),
    keras.layers.Conv2D(8, 3, activation="relu"),
    keras.layers.Flatten(),
    keras.layers.Dense(10, activation="softmax"),
])
model.summary()
