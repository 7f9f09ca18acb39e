# return_state=True inside a Sequential model: a Sequential model's layers must return one tensor.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 4)),
    layers.LSTM(8, return_state=True),
    layers.Dense(1),
])
model.summary()
