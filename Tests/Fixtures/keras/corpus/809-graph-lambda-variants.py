# Lambda layers in graphs: a def over one tensor, a lambda with arguments=, a Lambda over a list,
# one with an explicit output_shape, and the same Lambda object called twice.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def channel_mean(t):
    return tf.reduce_mean(t, axis=-1, keepdims=True)


src = keras.Input(shape=(12, 12, 6))
mean_map = layers.Lambda(channel_mean, name="channel_mean")(src)
scaled = layers.Lambda(lambda t, k: t * k, arguments={"k": 3.0}, name="times_k")(src)
joined = layers.Lambda(lambda ts: tf.concat(ts, axis=-1), name="concat_fn")([src, mean_map, scaled])
flat = layers.Lambda(lambda t: tf.reshape(t, (-1, 12 * 12 * 13)), output_shape=(12 * 12 * 13,), name="flatten_fn")(joined)
square = layers.Lambda(lambda t: t ** 2)
first = square(flat)
second = square(first)
lam = keras.Model(src, [second, mean_map], name="lambdas")
lam.summary()
print(lam.output_shape)
print(square.name)
