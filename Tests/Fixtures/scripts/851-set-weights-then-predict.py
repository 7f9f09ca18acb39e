# Weights set from arrays of the script's own values replace the random draw: predictions,
# evaluate results and values computed from them print as Keras prints them.
import numpy as np
from tensorflow import keras

inputs = keras.Input(shape=(2,))
hidden = keras.layers.Dense(3, activation="relu", name="hidden")(inputs)
output = keras.layers.Dense(1, name="out")(hidden)
model = keras.Model(inputs, output)
model.get_layer("hidden").set_weights([np.array([[1.0, -1.0, 0.5], [0.5, 2.0, -1.0]]),
                                       np.array([0.0, 0.5, 1.0])])
model.get_layer("out").set_weights([np.array([[1.0], [-0.5], [2.0]]), np.array([0.25])])
grid = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], dtype="float32")
guess = model.predict(grid, verbose=0)
print(guess.ravel())
print((guess > 1).astype(int).ravel().tolist(), guess.argmax(), round(float(guess.max()), 4))
probe = keras.Model(model.inputs, model.get_layer("hidden").output)
print(probe.predict(grid[1:3], verbose=0))
model.compile(optimizer="sgd", loss="mse")
loss = model.evaluate(grid, np.ones((4, 1)), verbose=0)
print(f"loss {loss:.4f}")
for name, value in zip(["first", "second"], guess[:2, 0]):
    print(name, value)
