# Cloning a small two-branch functional model; the clone keeps the names and gets its own weights.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

pixels = keras.Input(shape=(10, 10, 1))
left = layers.Conv2D(4, 3, padding="same", activation="relu", name="left")(pixels)
right = layers.Conv2D(4, 1, name="right")(pixels)
joined = layers.Add()([left, right])
pooled = layers.GlobalMaxPooling2D()(joined)
side = layers.Dense(4)(pooled)
both = layers.Concatenate()([pooled, side])
score = layers.Dense(1, activation="sigmoid")(both)
net = keras.Model(pixels, score, name="branchy")
copy = keras.models.clone_model(net)
net.compile(optimizer="adam", loss="binary_crossentropy")
copy.summary()
print(copy.name, len(copy.layers), [l.name for l in copy.layers])
print([l.name for l in copy.inputs] if False else len(copy.inputs))
print(copy.get_layer("left") is net.get_layer("left"))
print(sum(w.size for w in copy.get_weights()) == net.count_params())
copy.set_weights(net.get_weights())
sample = np.ones((1, 10, 10, 1), dtype="float32")
print(np.allclose(copy.predict(sample, verbose=0), net.predict(sample, verbose=0)))
extra = layers.Dense(3)
print(extra.name)
