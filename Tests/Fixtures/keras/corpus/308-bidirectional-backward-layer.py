# Bidirectional with a different backward layer: a tanh LSTM forwards, a relu LSTM backwards, averaged.
from tensorflow import keras
from tensorflow.keras import layers

forward_layer = layers.LSTM(10, return_sequences=True)
backward_layer = layers.LSTM(10, activation="relu", return_sequences=True, go_backwards=True)
model = keras.Sequential([
    keras.Input(shape=(5, 10)),
    layers.Bidirectional(forward_layer, backward_layer=backward_layer, merge_mode="ave"),
    layers.Bidirectional(layers.GRU(4, reset_after=False), merge_mode="mul"),
    layers.Dense(5),
])
model.summary()
print([w.name for w in model.layers[0].weights][:3])
