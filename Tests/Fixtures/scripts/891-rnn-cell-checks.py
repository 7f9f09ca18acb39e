# A cell's own argument checks, an RNN's output shapes, and get_config's neighbours that ConvBook
# keeps: the cell of an RNN is the object given, its units and name as made.
from tensorflow import keras
from tensorflow.keras import layers

cell = layers.GRUCell(6, dropout=0.1, name="my_gru")
rnn = layers.RNN(cell, return_sequences=True, go_backwards=True)
x = keras.Input((None, 4))
y = rnn(x)
print(y.shape, rnn.name, rnn.cell is cell, rnn.cell.units, rnn.cell.name)
print([w.name for w in rnn.weights])
seq_model = keras.Sequential([keras.Input((7, 2)), layers.RNN(layers.SimpleRNNCell(5)),
                              layers.Dense(1)])
seq_model.summary()
print(seq_model.count_params())
try:
    layers.LSTMCell(0)
except ValueError as error:
    print("ValueError:", error)
