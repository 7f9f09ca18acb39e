"""predict a Sequential model of flat rows on data of another rank: Keras 3's functional model
inside refuses the rank ("Invalid input shape for input ...", naming the traced tensor and the
input's own symbolic tensor) in Sequential.call()'s text; tf-keras raises the model's input spec."""
import numpy as np
import keras

model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), keras.layers.Dense(1)])
print(model.predict(np.ones((2, 4)), verbose=0).shape)
other = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
other.predict(np.ones((2, 3, 4)), verbose=0)
