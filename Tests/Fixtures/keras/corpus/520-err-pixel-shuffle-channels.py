# A sub-pixel upsampler whose last convolution has the wrong channel count for depth_to_space
# (8 is not a multiple of 3 * 3): TensorFlow refuses the call while the model is defined.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(8, 3, padding="same")(inputs)
outputs = tf.nn.depth_to_space(x, 3)
model = keras.Model(inputs, outputs)
model.summary()
