"""fit on inputs and targets with different numbers of samples (tf-keras lists the sizes below
its sentence, Keras 3 after it, quoted), and keras.Input with a negative batch_size (each Keras
in its own words)."""
import numpy as np
import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
try:
    keras.Input(shape=(2, None), batch_size=-1)
except ValueError as error:
    print("Input:", error)
try:
    keras.Input(shape=(), batch_size=-8)
except ValueError as error:
    print("Input:", error)
print(keras.Input(shape=(3,), batch_size=0).shape)
model.fit(np.ones((6, 3)), np.ones((5, 1)), epochs=1, verbose=0)
