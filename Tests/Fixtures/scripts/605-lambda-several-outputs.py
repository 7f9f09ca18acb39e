# Grouped convolutions through a Lambda that splits the channels (a list of three tensors),
# and a Lambda returning a tuple of two tensors: summaries, what Python gets, and predict.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(8, 8, 6))
groups = layers.Lambda(lambda x: tf.split(value=x, num_or_size_splits=3, axis=-1))(inputs)
print(type(groups).__name__, len(groups), [tuple(g.shape) for g in groups])
convs = [layers.DepthwiseConv2D(3, padding="same")(g) for g in groups]
halves = layers.Lambda(lambda x: (x[:, :, :, :3], x[:, :, :, 3:] * 0.5))(inputs)
print(type(halves).__name__, len(halves))
merged = layers.Concatenate()(convs + list(halves))
model = keras.Model(inputs, layers.Conv2D(4, 1)(merged))
model.summary()
print(model.predict(np.zeros((2, 8, 8, 6)), verbose=0).shape)
