# An optimizer object's learning rate, and changing the rate of a compiled model between fits.
import numpy as np
import tensorflow as tf
from tensorflow import keras

opt = keras.optimizers.Adam(learning_rate=2e-3, name="tuned")
print(opt.learning_rate)
print(float(opt.learning_rate), opt.learning_rate.numpy())

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer=opt, loss="mse")
print(model.optimizer.learning_rate)
model.optimizer.learning_rate.assign(5e-4)
print(model.optimizer.learning_rate)
features = np.arange(32, dtype="float32").reshape(8, 4) / 32
model.fit(features, features.sum(axis=1), epochs=1, verbose=0)
model.optimizer.learning_rate = 1e-4
print("after:", round(float(model.optimizer.learning_rate), 7))
print(model.optimizer.learning_rate / 2)

plain = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
plain.compile(optimizer="sgd", loss="mse")
print(plain.optimizer.learning_rate)
print(plain.optimizer.lr)
