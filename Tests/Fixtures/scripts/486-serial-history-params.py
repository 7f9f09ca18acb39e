# What fit's History records besides the losses, and one-hot labels' dtype.
import numpy as np
from tensorflow import keras

labels = np.array([2, 0, 1, 2, 1, 0])
onehot = keras.utils.to_categorical(labels)
print(onehot.dtype, onehot.shape, onehot[0])
print(keras.utils.to_categorical([[1], [3]], num_classes=4).dtype)

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="sgd", loss="categorical_crossentropy")
features = np.linspace(0, 1, 18).reshape(6, 3).astype("float32")
run = model.fit(features, onehot, epochs=3, batch_size=4, verbose=0)
print(run.params)
print(sorted(run.params), run.params["steps"] * run.params["epochs"])
again = model.fit(features, onehot, epochs=5, initial_epoch=3, batch_size=2, verbose=0,
                  validation_split=0.5)
print(again.params, again.epoch)
