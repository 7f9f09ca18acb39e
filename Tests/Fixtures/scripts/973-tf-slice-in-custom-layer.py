# tf.slice(x, begin, size) inside a custom layer's call(): the block starting at `begin` with
# `size` elements per axis, -1 running to the end of an axis (the batch axis included).
import numpy as np
import tensorflow as tf
from tensorflow import keras


class MiddleSteps(keras.layers.Layer):
    def __init__(self, start, count, **kwargs):
        super().__init__(**kwargs)
        self.start = start
        self.count = count

    def call(self, x):
        return tf.slice(x, [0, self.start, 0], [-1, self.count, -1])


class FirstFeatures(keras.layers.Layer):
    def call(self, x):
        head = tf.slice(x, begin=[0, 0], size=[-1, 2])
        return head * 10.0


inputs = keras.Input(shape=(6, 2))
middle = MiddleSteps(2, 3, name="middle")(inputs)
flat = keras.layers.Flatten()(middle)
outputs = FirstFeatures(name="first")(flat)
model = keras.Model(inputs, outputs)
model.summary()

data = np.arange(24, dtype="float32").reshape(2, 6, 2)
print(model.predict(data, verbose=0))
print(MiddleSteps(0, 2)(data).numpy().tolist())
