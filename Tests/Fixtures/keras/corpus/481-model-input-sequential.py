# `model.input` and `model.output` of a Sequential model (Keras 3 keeps only `inputs`/`outputs`).
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(3, name="d")])
print(model.inputs[0].shape)
print(model.input.shape)
print(model.output.shape)
