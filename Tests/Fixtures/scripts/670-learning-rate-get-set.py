# Reading and changing an optimizer's learning rate through the backend helpers.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K

net = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2), keras.layers.Dense(1)])
net.compile(optimizer="rmsprop", loss="mae")
rate = net.optimizer.lr
print(rate)
print(type(rate).__name__, K.get_value(rate), repr(K.get_value(net.optimizer.learning_rate)))
print("as float:", float(rate), "doubled:", rate * 2)
K.set_value(net.optimizer.lr, 3e-3)
print(net.optimizer.learning_rate)
print("numpy:", net.optimizer.lr.numpy())

class StepDown(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        old = float(K.get_value(self.model.optimizer.lr))
        K.set_value(self.model.optimizer.lr, old / 10)
        print(f"epoch {epoch}: {old:.6f} -> {K.get_value(self.model.optimizer.lr):.6f}")

data = np.linspace(-1, 1, 30, dtype="float32").reshape(10, 3)
net.fit(data, data[:, :1], epochs=3, verbose=0, callbacks=[StepDown()])
print(net.optimizer.lr)
