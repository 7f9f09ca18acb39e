"""Categorical features through StringLookup and IntegerLookup: on data, then inside a model."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

colors = ["red", "green", "blue"]
color_ids = layers.StringLookup(vocabulary=colors)
print(color_ids.get_vocabulary(), color_ids.vocabulary_size())
print(color_ids(tf.constant([["red", "blue"], ["purple", "green"]])))
print(color_ids(["green", "red", "teal"]))

one_hot = layers.StringLookup(vocabulary=colors, output_mode="one_hot")
print(one_hot(tf.constant(["blue", "pink"])))
multi = layers.StringLookup(vocabulary=colors, output_mode="multi_hot", num_oov_indices=2, mask_token="")
print(multi.get_vocabulary())
print(multi(tf.constant([["red", "", "blue"], ["gold", "green", "red"]])))
print(multi(np.array([["silver", "bronze", "copper"]])))

names = layers.StringLookup(invert=True, vocabulary=colors)
print(names(tf.constant([[1, 3], [0, 2]])))

sizes = layers.IntegerLookup()
sizes.adapt(np.array([[38, 40, 42], [42, 40, 44], [42, 36, 38]]))
print(sizes.get_vocabulary())
print(sizes(np.array([[40, 44, 50]])))
counted = layers.IntegerLookup(vocabulary=[1, 2, 3], output_mode="count", mask_token=0)
print(counted.get_vocabulary(), counted(np.array([[1, 1, 0, 3], [7, 2, 2, 2]])))
back = layers.IntegerLookup(vocabulary=[100, 200], invert=True)
print(back(np.array([2, 0, 1])))

words = layers.StringLookup(max_tokens=4)
words.adapt(["b", "a", "c", "a", "b", "a", "d", "c", "c", "c"])
print(words.get_vocabulary())

color_in = keras.Input(shape=(1,), dtype="string", name="color")
size_in = keras.Input(shape=(1,), dtype="int64", name="size")
color_feature = layers.StringLookup(vocabulary=colors, output_mode="one_hot", name="color_code")(color_in)
size_feature = layers.IntegerLookup(vocabulary=[36, 38, 40, 42, 44], output_mode="one_hot", name="size_code")(size_in)
features = layers.concatenate([color_feature, size_feature])
hidden = layers.Dense(8, activation="relu")(features)
output = layers.Dense(1, activation="sigmoid")(hidden)
model = keras.Model([color_in, size_in], output, name="shirt_model")
model.summary()
print(color_feature.shape, size_feature.shape, model.count_params())

index_model = keras.Sequential([keras.Input(shape=(3,), dtype="string"), layers.StringLookup(vocabulary=colors), layers.Embedding(5, 2)])
index_model.summary()
