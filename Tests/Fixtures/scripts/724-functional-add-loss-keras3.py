"""The autoencoder that adds its reconstruction error with model.add_loss: tf-keras trains it
beside the compiled loss (its own keyword rules: `losses` bound by Python, `inputs` dropped,
others refused); Keras 3's functional models have no add_loss yet (its bare
NotImplementedError, after Python bound the argument)."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(3)
inputs = keras.Input(shape=(6,))
code = layers.Dense(3, activation="tanh")(inputs)
restored = layers.Dense(6)(code)
model = keras.Model(inputs, restored)
penalty = layers.Lambda(lambda pair: 0.1 * tf.reduce_mean(tf.square(pair[0] - pair[1])))(
    [restored, inputs])
for arguments in ({"loss": penalty}, {"losses": penalty, "extra": 1}, {"inputs": inputs}):
    try:
        model.add_loss(**arguments)
    except TypeError as error:
        print("TypeError:", error)
model.add_loss(penalty)
model.compile(optimizer=keras.optimizers.SGD(0.2), loss="mse")
x = np.linspace(-1.0, 1.0, 48, dtype="float32").reshape(8, 6)
history = model.fit(x, x, epochs=3, batch_size=8, verbose=0)
print([round(value, 4) for value in history.history["loss"]])
