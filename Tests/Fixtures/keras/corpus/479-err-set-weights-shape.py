# set_weights with arrays of the wrong shape, then the right ones.
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(4, name="fc")])
model.layers[0].set_weights([np.ones((6, 4)), np.zeros(4) + 0.5])
kernel, bias = model.layers[0].get_weights()
print(kernel.sum(), bias)
print(model.predict(np.ones((2, 6)), verbose=0))

# %%
model.set_weights([np.ones((4, 6)), np.zeros(4)])
