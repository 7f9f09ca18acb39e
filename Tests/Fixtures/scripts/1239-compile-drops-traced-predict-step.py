"""predict on the right width, compile, then predict on a wrong width: compile drops the traced
predict step, so the next predict traces it afresh and the input spec fails in Keras' words (without
the compile, TensorFlow would trace the step again with the sizes left open and fail in the matrix
product instead)."""
import numpy as np
import keras

inputs = keras.Input(shape=(4,))
model = keras.Model(inputs, keras.layers.Dense(2)(inputs), name="linear")
print(model.predict(np.ones((2, 4)), verbose=0).shape)
model.compile(optimizer="sgd", loss="mse")
model.predict(np.ones((3, 6)), verbose=0)
