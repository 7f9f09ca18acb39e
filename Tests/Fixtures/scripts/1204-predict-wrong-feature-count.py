"""predict on rows of the wrong width: tf-keras traces its predict step, so the input spec's
ValueError comes inside AutoGraph's "in user code:" text with the batch axis unknown; Keras 3
names the functional model's input. (After a predict on the right width, both Kerases trace the
step again for any width and the matrix product fails instead: not covered here.)"""
import numpy as np
import keras

features = keras.Input(shape=(4,))
hidden = keras.layers.Dense(8, activation="relu")(features)
model = keras.Model(features, keras.layers.Dense(1)(hidden), name="scorer")
print(model.count_params())
model.predict(np.ones((5, 3)), verbose=0)
