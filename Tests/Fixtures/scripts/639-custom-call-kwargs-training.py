# A custom layer whose call() takes **kwargs: tf-keras hands it `training` there (None when the
# model is built, the value a caller gives), Keras 3 hands it nothing; inside call() the tensors
# are TensorFlow's graph tensors, not Keras tensors.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class ScaleBy(layers.Layer):
    def __init__(self, factor, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, inputs, **kwargs):
        print("ScaleBy.call got", sorted(kwargs.items()), "on", type(inputs).__name__)
        return inputs * self.factor


class ShiftThenScale(layers.Layer):
    def call(self, x, *args, **kwargs):
        print("ShiftThenScale.call got", args, sorted(kwargs))
        return (x + 1.0) * 0.5


features = keras.Input(shape=(5,), name="features")
h = layers.Dense(4, name="proj")(features)
h = ScaleBy(3.0, name="triple")(h)
h = ScaleBy(0.5, name="halve")(h, training=True)
h = ShiftThenScale(name="shift")(h)
model = keras.Model(features, h, name="scaled")
model.summary()


class Unfinished(layers.Layer):
    def call(self, inputs, **kwargs):
        return inputs.not_an_attribute


print("now the broken layer")
Unfinished(name="unfinished")(h)
