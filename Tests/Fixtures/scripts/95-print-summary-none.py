from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Dense(4, activation="relu"),
    layers.Dense(1),
])
print(model.summary())
summary = model.summary()
print(summary is None, model.count_params())
