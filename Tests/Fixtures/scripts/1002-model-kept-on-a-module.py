# Course code of the TensorFlow 2 era keeps its model on TensorFlow's module (`tf.model = ...`)
# and settings on other modules: a module takes new attributes like any object, and reads them back.
import argparse

import numpy as np
import tensorflow as tf

tf.model = tf.keras.Sequential()
tf.model.add(tf.keras.layers.Dense(units=4, input_dim=3, activation="relu"))
tf.model.add(tf.keras.layers.Dense(units=2, activation="softmax"))
tf.model.compile(loss="categorical_crossentropy", optimizer=tf.keras.optimizers.SGD(learning_rate=0.1))
tf.model.summary()
print(hasattr(tf, "model"), getattr(tf, "model") is tf.model, [layer.units for layer in tf.model.layers])

np.classes = ["cat", "dog"]
argparse.runs = 0
for _ in range(3):
    argparse.runs += 1
print(np.classes, argparse.runs, tf.model.output_shape)
tf.keras.note = "set on tf.keras"
print(tf.keras.note)
print(hasattr(np, "model"))
