# tanh and the logistic gates print TensorFlow's float32 digits in full: its CPU kernels use
# Eigen's rational tanh and logistic approximations, not the C library's.
import numpy as np
import tensorflow as tf
from tensorflow import keras

keras.utils.set_random_seed(5)
values = np.array(
    [[-9.5, -3.25, -0.7, -1e-3, 0.0, 2e-5, 0.31, 1.7, 4.4, 12.0]], dtype="float32"
)
print(keras.layers.Activation("tanh")(values).numpy().tolist())
print(keras.activations.tanh(tf.constant(values)).numpy().tolist())

x = np.linspace(-2.0, 2.0, 65, dtype="float32").reshape(5, 13)
dense = keras.layers.Dense(11, activation="tanh", bias_initializer="random_normal")
print(dense(x).numpy().tolist()[3])

seq = np.sin(np.arange(72, dtype="float32") / 3.0).reshape(6, 4, 3)
gru = keras.layers.GRU(8, return_sequences=True)
out = gru(seq)
print(out[:, 0].numpy().tolist()[0])
lstm = keras.layers.LSTM(16, return_sequences=True)
print(lstm(seq)[1, 0].numpy().tolist())
