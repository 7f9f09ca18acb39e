# Identity and equality of a layer's dtype policy and of a compiled model's optimizer: tf-keras
# gives each layer a policy object of its own, equal only to itself; Keras 3 shares its global
# policy among layers made without dtype= and compares policies by name. A model compiled with
# an optimizer's name answers the same optimizer object until it is compiled again.
from tensorflow import keras
from tensorflow.keras import layers

plain = layers.Dense(3)
given = layers.Dense(3, dtype="float32")
other = layers.Dense(3, dtype="float32")
print(plain.dtype_policy is plain.dtype_policy, plain.dtype_policy == plain.dtype_policy)
print(plain.dtype_policy is given.dtype_policy, plain.dtype_policy == given.dtype_policy)
print(given.dtype_policy is other.dtype_policy, given.dtype_policy != other.dtype_policy)
print(plain.dtype_policy is layers.Conv2D(2, 3).dtype_policy)
print(plain.dtype_policy == "float32", plain.dtype_policy.name == "float32")

model = keras.Sequential([keras.Input((4,)), layers.Dense(2), layers.Dense(1)])
print(model.dtype_policy is model.layers[0].dtype_policy)
model.compile("adam", "mse")
first = model.optimizer
print(first is model.optimizer, model.optimizer == first, type(first).__name__)
model.compile("adam", "mse")
print(first is model.optimizer, first == model.optimizer)
model.compile(optimizer="sgd", loss="mse")
print(type(model.optimizer).__name__, model.optimizer is model.optimizer)
