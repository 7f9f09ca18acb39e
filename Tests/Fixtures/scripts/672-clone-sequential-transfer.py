# Reusing a trained classifier: clone it, copy its weights, then stack a new head on its body.
import numpy as np
import tensorflow as tf
from tensorflow import keras

base = keras.models.Sequential([
    keras.layers.Flatten(input_shape=[6, 6]),
    keras.layers.Dense(12, activation="selu", kernel_initializer="lecun_normal"),
    keras.layers.BatchNormalization(),
    keras.layers.Dense(8, activation="selu"),
    keras.layers.Dense(3, activation="softmax"),
])
twin = keras.models.clone_model(base)
base.compile(loss="sparse_categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
twin.summary()
print(twin.name, [layer.name for layer in twin.layers])
print(twin.layers[1] is base.layers[1], twin.input_shape, twin.output_shape)
print([w.shape for w in twin.get_weights()])
twin.set_weights(base.get_weights())
probe = np.linspace(0, 1, 72, dtype="float32").reshape(2, 6, 6)
print(np.allclose(twin.predict(probe, verbose=0), base.predict(probe, verbose=0), atol=1e-6))

head = keras.models.Sequential([keras.Input(shape=(6, 6))] + twin.layers[:-1])
head.add(keras.layers.Dense(1, activation="sigmoid"))
for layer in head.layers[:-1]:
    layer.trainable = False
head.compile(loss="binary_crossentropy", optimizer="sgd", metrics=["accuracy"])
head.summary()

plain = keras.Sequential([keras.Input(shape=(4,), name="features"), keras.layers.Dense(2)])
again = keras.models.clone_model(plain)
print(again.name, again.inputs[0].name, [l.name for l in again.layers])
print(keras.layers.Dense(2).name)
