# An attention-pooling layer in the style of multiple-instance-learning examples: it resolves
# its initializer and regularizer arguments by name and hands them to add_weight.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class GatedPooling(keras.layers.Layer):
    def __init__(self, dim, kernel_initializer="glorot_uniform", kernel_regularizer=None, **kwargs):
        super().__init__(**kwargs)
        self.dim = dim
        self.kernel_initializer = keras.initializers.get(kernel_initializer)
        self.kernel_regularizer = keras.regularizers.get(kernel_regularizer)

    def build(self, input_shape):
        self.v = self.add_weight(
            name="v", shape=(input_shape[-1], self.dim),
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer)
        self.w = self.add_weight(
            name="w", shape=(self.dim, 1),
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer)

    def call(self, inputs):
        scores = tf.matmul(tf.tanh(tf.matmul(inputs, self.v)), self.w)
        return tf.nn.softmax(scores, axis=1)


for name in ["l2", "L1", "L1L2", None]:
    print(repr(name), "->", type(keras.regularizers.get(name)).__name__)
print(type(keras.regularizers.get(keras.regularizers.L2(0.1))).__name__)

inputs = keras.Input(shape=(5, 8))
weights = GatedPooling(4, kernel_regularizer="l2", name="gate")(inputs)
model = keras.Model(inputs, weights)
model.summary()
print(model.predict(np.zeros((1, 5, 8)), verbose=0).round(3).tolist())

for bad in [3, 2.5]:
    try:
        keras.regularizers.get(bad)
    except ValueError as error:
        print("ValueError:", error)
