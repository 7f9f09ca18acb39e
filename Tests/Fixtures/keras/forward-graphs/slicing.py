from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

image = keras.Input(shape=(9, 8, 4))
rgb = image[..., :3]
depth = image[..., 3:]
row = rgb[:, 0]
corner = rgb[:, 1:7:2, ::3, :]
flipped = rgb[:, ::-1, :, ::-1]
last = depth[:, -1, -2:]
inserted = row[:, None, 2:5]
conv = layers.Conv2D(2, 3)(flipped)
picked = layers.Lambda(lambda t: t[:, 1:-1, 2, :] * 2.0)(conv)
out = layers.concatenate([
    layers.Flatten()(corner), layers.Flatten()(last), layers.Flatten()(inserted),
    layers.Flatten()(picked), layers.Flatten()(row),
])
model = keras.Model(image, out)
