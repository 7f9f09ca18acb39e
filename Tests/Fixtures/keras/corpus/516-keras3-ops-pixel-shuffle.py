# Sub-pixel upsampling written with keras.ops.depth_to_space on a symbolic tensor (Keras 3), then a
# clipped output.
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops

upscale = 2
inputs = keras.Input(shape=(24, 24, 3))
x = layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
x = layers.Conv2D(3 * upscale**2, 3, padding="same")(x)
x = ops.depth_to_space(x, upscale)
outputs = ops.clip(x, 0.0, 1.0)
model = keras.Model(inputs, outputs, name="pixel_shuffle")
model.summary()
