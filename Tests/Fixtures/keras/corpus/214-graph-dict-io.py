# Inputs and outputs given as dicts of tensors, keyed by name.
from tensorflow import keras
from tensorflow.keras import layers

title = keras.Input(shape=(12,), name="title")
body = keras.Input(shape=(20,), name="body")
tags = keras.Input(shape=(5,), name="tags")
merged = layers.concatenate([layers.Dense(8)(title), layers.Dense(8)(body), tags])
priority = layers.Dense(1, name="priority")(merged)
department = layers.Dense(4, name="department")(merged)
keras.Model(
    inputs={"title": title, "body": body, "tags": tags},
    outputs={"priority": priority, "department": department},
).summary()
