# A verbosity other than 0, 1 and 2 keeps Keras' epoch headers and drops its progress bar: fit
# names each epoch, evaluate and predict print nothing, history.params keeps the level given.
import numpy as np
from tensorflow import keras

inputs = np.linspace(0.0, 1.0, 30).reshape(10, 3).astype("float32")
outputs = inputs.sum(axis=1, keepdims=True) * 0.5

keras.utils.set_random_seed(11)
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
for level in (3, -1, 1002):
    history = model.fit(inputs, outputs, epochs=2, batch_size=4, verbose=level)
    print(history.params)
    print(model.evaluate(inputs, outputs, verbose=level))
    print(model.predict(inputs[:2], verbose=level).shape)
history = model.fit(inputs, outputs, epochs=1, verbose=7)
print(len(history.history["loss"]))
