# Seeded random inputs to see what a recurrent layer and a 1-D convolution give back.
import numpy as np
import tensorflow as tf

np.random.seed(7)
batch = np.random.rand(2, 10, 4)
print(batch.shape, batch.dtype)
print(np.round(batch[0, :2], 4))
noise = np.random.randn(3)
print(noise)
print(np.random.uniform(-0.5, 0.5, size=(2, 3)))
print(np.random.normal(loc=1.0, scale=0.1, size=4))
print(np.random.random())

lstm = tf.keras.layers.LSTM(6, return_sequences=True)
print(lstm(batch).shape)
conv = tf.keras.layers.Conv1D(filters=5, kernel_size=3, activation="relu")
features = conv(batch)
print(features.shape)
print(tf.keras.layers.GlobalMaxPooling1D()(features).shape)
