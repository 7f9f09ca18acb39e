# Block names numbered with keras.backend.get_uid, as ported model zoos name their stages, and
# how the counter meets the automatic layer names in each Keras.
from tensorflow import keras

K = keras.backend


def stage_name(prefix):
    return prefix + str(K.get_uid(prefix) - 1)


print([stage_name("stage.") for _ in range(3)])
print(K.get_uid("dense"), K.get_uid(), K.get_uid(prefix="dense"))
first = keras.layers.Dense(4)
second = keras.layers.Dense(4)
print(first.name, second.name, K.get_uid("dense"))
print(keras.layers.Conv2D(2, 3).name, K.get_uid("conv2d"), keras.layers.Conv2D(2, 3).name)
K.clear_session()
print(K.get_uid("stage."), keras.layers.Dense(1).name)
