# Shape mistakes with recurrent layers: an image into an LSTM, a clip without a time axis into
# ConvLSTM2D, and a Bidirectional copy of a layer whose backward twin runs the same way.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.LSTM(32)])
# %%
model = keras.Sequential([keras.Input(shape=(64, 64, 3)), layers.ConvLSTM2D(8, 3)])
# %%
model = keras.Sequential([keras.Input(shape=(28, 28)), layers.LSTM(32), layers.Dense(10)])
model.summary()
