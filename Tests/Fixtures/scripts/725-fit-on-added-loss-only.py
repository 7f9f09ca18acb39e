"""A model compiled without a loss trains on what model.add_loss added (tf-keras): fit(x, None),
fit(x) and evaluate(x) need no targets. Keras 3's functional models have no add_loss yet."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(11)
x_in = keras.Input(shape=(5,))
hidden = layers.Dense(3, activation="relu")(x_in)
out = layers.Dense(5, activation="sigmoid")(hidden)
model = keras.Model(x_in, out)
model.add_loss(tf.reduce_mean(tf.square(out - x_in)))
model.compile(optimizer=keras.optimizers.Adam(0.05))
data = np.linspace(0.0, 1.0, 40, dtype="float32").reshape(8, 5)
first = model.fit(data, None, epochs=3, batch_size=8, verbose=0)
second = model.fit(data, epochs=2, batch_size=8, verbose=0)
print([round(value, 4) for value in first.history["loss"] + second.history["loss"]])
print(round(model.evaluate(data, verbose=0), 4))
print(sorted(first.history))
