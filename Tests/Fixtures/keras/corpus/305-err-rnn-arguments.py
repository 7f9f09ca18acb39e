# Wrong arguments to recurrent layers and to Bidirectional.
from tensorflow import keras
from tensorflow.keras import layers

layers.GRU(0)
# %%
layers.Bidirectional(layers.LSTM(8), merge_mode="max")
# %%
model = keras.Sequential([keras.Input(shape=(10, 3)), layers.Bidirectional(layers.SimpleRNN(4))])
model.summary()
