# Initializers, regularizers and optimizers through the generic object serializer and back, and
# the names optimizers get when a script makes several of one class.
from tensorflow import keras

decay = keras.regularizers.L1(0.005)
entry = keras.utils.serialize_keras_object(decay)
print(entry)
again = keras.utils.deserialize_keras_object(entry)
print(type(again).__name__, again.get_config())

start = keras.initializers.RandomNormal(mean=0.0, stddev=0.05, seed=11)
copy = keras.utils.deserialize_keras_object(keras.utils.serialize_keras_object(start))
print(type(copy).__name__, copy.get_config())

first = keras.optimizers.Adam()
second = keras.optimizers.Adam(1e-2)
third = keras.optimizers.RMSprop()
named = keras.optimizers.SGD(name="plain_sgd")
print(first.name, second.name, third.name, named.name)
print(keras.utils.serialize_keras_object(second)["config"]["name"])
restored = keras.utils.deserialize_keras_object(keras.optimizers.serialize(third))
print(type(restored).__name__, restored.get_config()["rho"])

dense = keras.layers.Dense(3, kernel_regularizer=decay, kernel_initializer=start)
config = dense.get_config()
rebuilt = keras.layers.Dense.from_config(config)
print(rebuilt.get_config()["kernel_regularizer"] == config["kernel_regularizer"])
print(rebuilt.get_config()["kernel_initializer"])
