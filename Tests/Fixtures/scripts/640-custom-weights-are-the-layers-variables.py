# The weights a custom layer makes with add_weight are the variables its `weights` lists: the
# attribute and the list item are one object, before and after the layer is first called; a
# call() may multiply by a weight with the @ operator.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Affine(layers.Layer):
    def __init__(self, units, fan_in, **kwargs):
        super().__init__(**kwargs)
        self.kernel = self.add_weight(shape=(fan_in, units), initializer="ones")
        self.offset = self.add_weight(shape=(units,), initializer="zeros", trainable=False)

    def call(self, inputs):
        return inputs @ self.kernel + self.offset


class Projection(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.matrix = self.add_weight(
            name="matrix", shape=(input_shape[-1], self.units), initializer="ones")

    def call(self, x):
        return tf.matmul(x, self.matrix)


affine = Affine(3, 4, name="affine")
print("before the call:", len(affine.weights), affine.built)
print(affine.kernel is affine.weights[0], affine.offset is affine.non_trainable_weights[0])
print(type(affine.kernel).__name__, [tuple(w.shape) for w in affine.trainable_weights])

inputs = keras.Input(shape=(4,))
h = affine(inputs)
projection = Projection(2, name="projection")
outputs = projection(h)
print("after the calls:", affine.weights == [affine.kernel, affine.offset])
print(projection.matrix is projection.weights[0], projection.weights == [projection.matrix])
print(type(projection.matrix).__name__, projection.matrix.shape, projection.matrix.name)
print([w.name for w in projection.weights], projection.matrix.trainable)
model = keras.Model(inputs, outputs, name="affine_projection")
model.summary()
print(model.predict(np.arange(8, dtype="float32").reshape(2, 4), verbose=0))

left = keras.Input(shape=(2, 3))
right = keras.Input(shape=(3, 5))
product = keras.Model([left, right], left @ right)
print(product.output_shape, len(product.layers))
