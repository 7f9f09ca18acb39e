"""fit and evaluate on rows of the wrong width: tf-keras traces the train and test steps, so the
input spec's ValueError comes inside AutoGraph's "in user code:" text naming the step."""
import numpy as np
import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.ones((8, 3)), np.ones((8, 1)), epochs=1, verbose=0)
print("trained")
model.evaluate(np.ones((8, 6)), np.ones((8, 1)), verbose=0)
