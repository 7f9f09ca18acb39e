# Dense applies to the last axis only, whatever the rank of its input.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8, 8, 16)),
    layers.Dense(32),                # (None, 8, 8, 32), 16*32+32 = 544
    layers.Reshape((64, 32)),
    layers.Dense(10, activation='relu', use_bias=False),
    layers.Flatten(),
    layers.Dense(1),
])
model.summary()
print(model.layers[0].count_params())

seq = keras.Sequential([keras.Input(shape=(20, 5, 3, 2)), layers.Dense(4)])
seq.summary()
