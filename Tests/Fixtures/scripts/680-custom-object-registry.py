# The custom-object registry: get_custom_objects() is one dict for the whole program, names put
# in it are what tf-keras' string lookups see first (Keras 3's activation lookups read only its
# own functions), custom_object_scope adds names for a block, and register_keras_serializable
# registers "package>name".
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.utils import get_custom_objects


def scaled_tanh(x):
    return 1.7159 * tf.math.tanh(0.6666 * x)


def gated(x):
    return x * tf.math.sigmoid(x)


registry = get_custom_objects()
print(type(registry).__name__, len(registry) >= 0)
before = set(registry)
get_custom_objects().update({"scaled_tanh": scaled_tanh})
print(get_custom_objects() is registry, sorted(set(registry) - before))
print(keras.activations.serialize(scaled_tanh))
print(keras.activations.serialize(gated))

model = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(5, activation="relu"),
    layers.Dense(3, activation="gelu"),
    layers.Dense(1, activation="sigmoid"),
])
model.summary()

with keras.utils.custom_object_scope({"gated": gated}) as scope:
    print(type(scope).__name__)
    print(keras.activations.get("relu").__name__)

with keras.utils.CustomObjectScope({"my_gate": gated}):
    print(len(registry) == len(before) + 1)


@keras.utils.register_keras_serializable(package="toolkit")
class Doubler(layers.Layer):
    def call(self, inputs):
        return inputs * 2.0


@keras.utils.register_keras_serializable(package="toolkit", name="half")
def halve(x):
    return x * 0.5


print(sorted(set(registry) - before))
print(keras.utils.get_registered_name(Doubler), keras.utils.get_registered_name(halve))
print(keras.utils.get_registered_name(gated))
print(keras.utils.get_registered_object("toolkit>half") is halve)
print(keras.utils.get_registered_object("nothing_here"))
print(keras.utils.get_registered_object("extra", custom_objects={"extra": gated}) is gated)
