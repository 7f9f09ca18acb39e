# keras.layers.RNN around the built-in cells: names, summary, weight names, a masked forward pass,
# return_state, a Bidirectional RNN and stacks of cells (a StackedRNNCells and a list).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

gen = np.random.RandomState(7)
seq = keras.Input((5, 3))
masked = layers.Masking(0.0)(seq)
lstm_seq = layers.RNN(layers.LSTMCell(4), return_sequences=True)(masked)
gru_last = layers.RNN(layers.GRUCell(3, reset_after=False))(lstm_seq)
simple_out, simple_state = layers.RNN(
    layers.SimpleRNNCell(2, activation="relu"), return_state=True)(lstm_seq)
listed = layers.RNN([layers.GRUCell(3), layers.SimpleRNNCell(2)], return_sequences=True)(seq)
both = layers.Bidirectional(layers.RNN(layers.LSTMCell(2)), merge_mode="sum")(seq)
stack = layers.StackedRNNCells([layers.LSTMCell(3), layers.GRUCell(2)])
stacked = layers.RNN(stack)(seq)
joined = layers.Concatenate()(
    [gru_last, simple_out, simple_state, layers.Flatten()(listed), both, stacked])
model = keras.Model(seq, joined)
model.summary()
for weight in model.weights:
    print(weight.name, tuple(weight.shape))
model.set_weights([gen.uniform(-0.6, 0.6, w.shape).astype("float32") for w in model.get_weights()])
data = gen.uniform(-1, 1, (3, 5, 3)).astype("float32")
data[1, 3:] = 0.0
np.set_printoptions(precision=4, suppress=True)
print(model.predict(data, verbose=0))
print(stack.name, [c.name for c in stack.cells], model.layers[-2].cell is stack)
