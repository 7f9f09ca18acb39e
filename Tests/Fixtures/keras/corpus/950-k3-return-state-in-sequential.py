# Recurrent layers that also return their states, put inside Sequential models: the layer after
# them is handed several tensors (Keras 3) or the model refuses the layer itself (tf-keras).
from tensorflow import keras
from tensorflow.keras import layers

try:
    keras.Sequential([keras.Input((12, 3)), layers.GRU(6, return_state=True), layers.Flatten()])
except ValueError as err:
    print(type(err).__name__, str(err).splitlines()[0])

# %%
seq_in = keras.Input((12, 3))
print(seq_in.shape)
encoder = keras.Sequential([
    keras.Input((12, 3)),
    layers.Conv1D(4, 3, activation="relu"),
    layers.LSTM(5, return_sequences=True, return_state=True),
    layers.LSTM(2),
])

# %%
plain = keras.Sequential([keras.Input((12, 3)), layers.LSTM(5), layers.Dense(1)])
plain.summary()
