# tf.nn.moments straight on Keras tensors: the mean, variance and their squeezes are layers.
import numpy as np
import tensorflow as tf

inputs = tf.keras.Input(shape=(4, 3))
mean, variance = tf.nn.moments(inputs, axes=[1])
kept_mean, kept_variance = tf.nn.moments(inputs, axes=[1, 2], keepdims=True)
normalized = (inputs - kept_mean) / tf.sqrt(kept_variance + 1e-5)
frozen = tf.stop_gradient(normalized)
print(mean.shape, variance.shape, kept_mean.shape, kept_variance.shape)
model = tf.keras.Model(inputs, [mean, variance, frozen])
model.summary()
data = np.arange(24, dtype="float32").reshape(2, 4, 3) ** 1.5 / 10
m, v, f = model.predict(data, verbose=0)
print(np.round(m, 4))
print(np.round(v, 4))
print(np.round(f[1], 4))
