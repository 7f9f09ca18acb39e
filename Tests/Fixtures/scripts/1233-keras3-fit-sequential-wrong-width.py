"""fit a Sequential model on rows of the wrong width: Keras 3 traces its train step on a batch of
unknown size, and the first layer's input spec fails inside Sequential.call()'s text with
training=True; tf-keras names the model's own input spec inside AutoGraph's text."""
import numpy as np
import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
print(model.count_params())
model.fit(np.zeros((6, 5)), np.zeros((6, 1)), epochs=2, verbose=0)
