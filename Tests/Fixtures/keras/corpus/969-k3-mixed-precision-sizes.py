# Layers computing in other dtypes: the footer's sizes follow each weight's bytes.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input((64,)),
    layers.Dense(128, dtype="float64", name="double"),
    layers.Dense(64, name="single"),
    layers.Dense(10, dtype="float16", name="half"),
])
model.summary()
