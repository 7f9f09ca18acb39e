# A recurrent layer multiplies each time step's batch by its kernels, x_t·W and h·U, as
# TensorFlow's MatMul of that many rows sums them under the Eigen engine: with a batch that is not
# a multiple of 6 the last 1-2 rows sum in two chains without FMA and a last 3 in two chains with
# FMA (so do the units of a short last block of 16 columns), which moves the last digits of LSTM,
# GRU and SimpleRNN outputs with the batch size; a batch of one is Eigen's row product.
# recurrent_initializer="glorot_uniform" keeps the larger layers' weights TensorFlow's draw (an
# orthogonal matrix of 48 columns or more is QR'd with Eigen's blocked reflectors).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

np.set_printoptions(precision=9)
cases = [
    ("lstm", 2, 5, 4),
    ("lstm", 3, 8, 16),
    ("gru", 4, 3, 5),
    ("gru", 5, 5, 64),
    ("simple", 2, 6, 3),
    ("simple", 7, 10, 128),
    ("gru_reset_before", 3, 4, 5),
    ("lstm_backwards", 5, 7, 6),
    ("lstm", 1, 5, 4),
]
for index, (kind, batch, features, units) in enumerate(cases):
    keras.utils.set_random_seed(200 + index)
    if kind == "lstm":
        layer = layers.LSTM(units, return_sequences=True, recurrent_initializer="glorot_uniform")
    elif kind == "lstm_backwards":
        layer = layers.LSTM(units, go_backwards=True)
    elif kind == "gru":
        layer = layers.GRU(units, recurrent_initializer="glorot_uniform")
    elif kind == "gru_reset_before":
        layer = layers.GRU(units, reset_after=False, return_sequences=True)
    else:
        layer = layers.SimpleRNN(units, recurrent_initializer="glorot_uniform")
    model = keras.Sequential([keras.Input((4, features)), layer])
    data = np.sin(np.arange(batch * 4 * features, dtype="float32") * 0.37)
    data = data.reshape(batch, 4, features)
    predicted = model.predict(data, verbose=0)
    called = np.asarray(layer(data))
    print(kind, batch, units, np.array_equal(predicted, called))
    print(predicted.reshape(batch, -1)[:, -3:])

masked = keras.Sequential([keras.Input((6, 5)), layers.Masking(), layers.LSTM(4, return_sequences=True), layers.GRU(3)])
steps = np.ones((2, 6, 5), dtype="float32")
steps[1, 3:] = 0
print(masked.predict(steps, verbose=0))
