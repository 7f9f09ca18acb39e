# An LSTM cell adds its bias after both products, z = x·W + h·U + b, where SimpleRNN and GRU add
# theirs to x·W first; the last digits of its outputs show the order.
import numpy as np
import keras

keras.utils.set_random_seed(11)
cell_layer = keras.layers.LSTM(4, recurrent_initializer="glorot_uniform",
                               bias_initializer=keras.initializers.Constant(0.37),
                               return_sequences=True)
model = keras.Sequential([keras.Input((5, 3)), cell_layer])
steps = np.linspace(-2.5, 2.0, 6 * 5 * 3).reshape(6, 5, 3).astype("float32")
np.set_printoptions(precision=9)
print(model.predict(steps, verbose=0)[:, 2:, :])
print(np.asarray(cell_layer(steps))[:, -1, :])
