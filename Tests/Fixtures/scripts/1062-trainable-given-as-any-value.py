# `trainable` given something other than a bool. tf-keras' setter keeps the value as given, on the
# layer and, for a model, on every layer inside it, and reads it back as given; whether weights
# train follows its truth. Keras 3 stores the bool.
from tensorflow import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2), keras.layers.Dense(1)])
dense = model.layers[0]
for value in [0, 1, "", "yes", None, 2**64, 0.0]:
    dense.trainable = value
    print(repr(value), "->", repr(dense.trainable), len(dense.trainable_weights))
model.trainable = 0
print(repr(model.trainable), [repr(layer.trainable) for layer in model.layers], len(model.trainable_weights))
model.layers[1].trainable = True
print(repr(model.trainable), [repr(layer.trainable) for layer in model.layers], len(model.trainable_weights))
model.trainable = False
print(repr(model.trainable), [repr(layer.trainable) for layer in model.layers])
