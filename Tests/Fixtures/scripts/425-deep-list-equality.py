# Nested lists compare level by level; past CPython's recursion limit the comparison fails.
import tensorflow as tf
from tensorflow import keras


def nested(levels):
    value = []
    for _ in range(levels):
        value = [value]
    return value


model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(2)])
print(model.output_shape)
shallow = nested(998)
print(shallow == nested(998), shallow != nested(998), [shallow] == [shallow], shallow == nested(5))
deep = nested(999)
print(deep == deep)
print(deep == nested(999))
