"""CBAM (Woo et al. 2018): channel attention from average- and max-pooled descriptors through a
shared MLP, then spatial attention from channel-wise mean and max, written with TF ops."""
import tensorflow as tf
from tensorflow.keras import layers, models


def channel_attention(x, ratio=4):
    channels = x.shape[-1]
    dense_one = layers.Dense(channels // ratio, activation="relu")
    dense_two = layers.Dense(channels)
    avg = layers.GlobalAveragePooling2D(keepdims=True)(x)
    mx = layers.GlobalMaxPooling2D(keepdims=True)(x)
    attention = layers.Activation("sigmoid")(dense_two(dense_one(avg)) + dense_two(dense_one(mx)))
    return layers.Multiply()([x, attention])


def spatial_attention(x, kernel_size=7):
    avg = layers.Lambda(lambda t: tf.reduce_mean(t, axis=-1, keepdims=True))(x)
    mx = layers.Lambda(lambda t: tf.reduce_max(t, axis=-1, keepdims=True))(x)
    both = layers.Concatenate(axis=-1)([avg, mx])
    attention = layers.Conv2D(1, kernel_size, padding="same", activation="sigmoid")(both)
    return layers.multiply([x, attention])


inputs = layers.Input((24, 24, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
x = channel_attention(x)
x = spatial_attention(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = models.Model(inputs, outputs, name="cbam_net")
model.summary()
