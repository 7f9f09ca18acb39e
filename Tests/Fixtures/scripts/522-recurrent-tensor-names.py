"""The names of the tensors recurrent layers return (tf-keras names them after TensorFlow's ops,
Keras 3 counts them), printed and read through .name."""
from tensorflow import keras
from tensorflow.keras import layers

steps = keras.Input((6, 4))
print(layers.LSTM(3)(steps))
print(layers.GRU(3, return_sequences=True)(steps))
print(layers.SimpleRNN(2)(steps).name)
print([t.name for t in layers.LSTM(3, return_state=True)(steps)])
print([t.name for t in layers.GRU(2, return_sequences=True, return_state=True)(steps)])
print([t.name for t in layers.SimpleRNN(2, return_sequences=True, return_state=True)(steps)])
print(layers.LSTM(2, activation="relu")(steps).name)
print(layers.GRU(2, reset_after=False, return_sequences=True)(steps).name)
print([t.name for t in layers.LSTM(2, recurrent_dropout=0.25, return_state=True)(steps)])
print(layers.LSTM(2, go_backwards=True, return_sequences=True)(steps).name)
print(layers.Bidirectional(layers.GRU(3))(steps))
print(layers.Bidirectional(layers.LSTM(3, return_sequences=True), merge_mode="ave")(steps).name)
tokens = layers.Embedding(50, 4, mask_zero=True)(keras.Input((7,)))
print(layers.SimpleRNN(2, return_sequences=True)(tokens).name)
print(layers.GRU(2, return_sequences=True)(tokens).name)
print(layers.LSTM(2, use_bias=False)(tokens).name)
deep = layers.LSTM(5, return_sequences=True)(steps)
print(layers.Dense(1)(layers.LSTM(2)(deep)))
