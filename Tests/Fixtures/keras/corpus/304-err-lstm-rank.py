# A common mistake: feeding flat feature vectors to an LSTM, which wants (timesteps, features).
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(64,)),
    layers.Dense(32, activation="relu"),
    layers.LSTM(16),
])
# %%
# Fixed: reshape to 8 steps of 8 features first.
model = keras.Sequential([
    keras.Input(shape=(64,)),
    layers.Reshape((8, 8)),
    layers.LSTM(16),
    layers.Dense(1),
])
model.summary()
