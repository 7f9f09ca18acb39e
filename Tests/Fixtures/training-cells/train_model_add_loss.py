"""model.add_loss of Keras tensors in a functional model (the VAE pattern) trains in tf-keras:
fit and evaluate add the loss to the compiled one, and its gradients reach the layers it reads
(the Keras tensors pass through keras.backend and tf functions)."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K

x = np.linspace(0.05, 0.95, 48, dtype="float32").reshape(8, 6)


def starting(model):
    model.set_weights([np.linspace(-0.3, 0.4, w.size).reshape(w.shape) for w in model.get_weights()])


inputs = keras.Input(shape=(6,))
hidden = keras.layers.Dense(4, activation="relu")(inputs)
z_mean = keras.layers.Dense(2, name="z_mean")(hidden)
z_log_var = keras.layers.Dense(2, name="z_log_var")(hidden)
decoded = keras.layers.Dense(4, activation="relu")(z_mean)
outputs = keras.layers.Dense(6, activation="sigmoid")(decoded)
vae = keras.Model(inputs, outputs, name="vae")
reconstruction = keras.losses.binary_crossentropy(inputs, outputs) * 6
kl = -0.5 * K.sum(1 + z_log_var - K.square(z_mean) - K.exp(z_log_var), axis=-1)
vae.add_loss(K.mean(reconstruction + kl))
starting(vae)
vae.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
history = vae.fit(x, x, epochs=4, batch_size=4, shuffle=False, verbose=0,
                  validation_data=(x[:4], x[:4]))
print({name: [round(v, 4) for v in values] for name, values in history.history.items()})
print(round(vae.evaluate(x, x, verbose=0), 4))

inputs = keras.Input(shape=(6,))
code = keras.layers.Dense(3, activation="tanh", name="code")(inputs)
outputs = keras.layers.Dense(6, name="restored")(code)
model = keras.Model(inputs, outputs)
model.add_loss(0.1 * tf.reduce_mean(tf.abs(code)))
starting(model)
model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse", metrics=["mae"])
history = model.fit(x, x, epochs=3, batch_size=8, verbose=0)
print({name: [round(v, 4) for v in values] for name, values in history.history.items()})
print([round(v, 4) for v in model.evaluate(x, x, verbose=0)])
