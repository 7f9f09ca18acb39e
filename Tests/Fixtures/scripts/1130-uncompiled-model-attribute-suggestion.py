# A mistyped private attribute of a model that was never compiled: Python's "Did you mean" looks
# among what `dir(model)` has then, and Keras 3 makes `_compiled_trainable_state` only in
# `compile`, so it is no candidate yet (tf-keras suggests its own `_get_trainable_state`).
from tensorflow import keras

inputs = keras.Input(shape=(4,))
model = keras.Model(inputs, keras.layers.Dense(2)(inputs))
print(model.count_params())
model._get_trainable_states
