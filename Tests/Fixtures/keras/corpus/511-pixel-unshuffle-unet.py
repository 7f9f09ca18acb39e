# A light super-resolution net that folds pixels into channels with space_to_depth on the way down
# and unfolds them with depth_to_space on the way up (pixel unshuffle / pixel shuffle).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(64, 64, 3))
down = tf.nn.space_to_depth(inputs, block_size=2)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(down)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.Conv2D(3 * 4 * 4, 3, padding="same")(x)
up = tf.nn.depth_to_space(x, block_size=4)
outputs = tf.clip_by_value(up, 0.0, 1.0)
model = keras.Model(inputs, outputs, name="unshuffle_sr")
model.summary()
print(model.output_shape)
