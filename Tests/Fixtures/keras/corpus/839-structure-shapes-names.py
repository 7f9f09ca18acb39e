# What a model made from dicts and lists reports: input_shape and output_shape follow the
# structure given, output_names the layers that make the outputs (one layer twice).
from tensorflow import keras
from tensorflow.keras import layers

left = keras.Input(shape=(3,), name="left")
right = keras.Input(shape=(5,), name="right")
h = layers.Dense(4, name="h")(layers.concatenate([left, right]))
z = layers.Dense(2, name="z")(h)
by_dict = keras.Model({"r": right, "l": left}, {"zz": z, "hh": h})
print(by_dict.input_shape)
print(by_dict.output_shape)
print(by_dict.output_names)
print([t.shape for t in by_dict.outputs])
by_list = keras.Model([left, right], [z, h, z])
print(by_list.output_shape)
print(by_list.output_names)
single = keras.Model(left, layers.Dense(1, name="one")(left))
print(single.output_names)
print(single.input_shape, single.output_shape)
