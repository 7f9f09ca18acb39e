# Reshapes written with tf.shape on Keras tensors in a functional model: the batch from the
# shape tensor, a product of two sizes, and a noise term sized like the input.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(12, 12, 16))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
shape = tf.shape(x)
seq = tf.reshape(x, (shape[0], shape[1] * shape[2], shape[3]))
seq = layers.Dense(16)(seq)
grid = tf.reshape(seq, [shape[0], 12, -1, 16])
noisy = grid + tf.random.normal(tf.shape(grid), stddev=0.1)
outputs = layers.GlobalMaxPooling2D()(noisy)
model = keras.Model(inputs, outputs)
model.summary()
