"""A custom layer that makes its weights in __init__ (as the Keras guide's first example does):
summary, forward pass and training through them."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class Linear(keras.layers.Layer):
    def __init__(self, units=4, input_dim=3):
        super().__init__()
        self.w = self.add_weight(shape=(input_dim, units), initializer="ones", trainable=True)
        self.b = self.add_weight(shape=(units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return tf.matmul(inputs, self.w) + self.b


layer = Linear(2)
print(layer.w.shape, layer.b.shape)
inputs = keras.Input(shape=(3,))
model = keras.Model(inputs, layer(inputs))
print(len(layer.weights), len(layer.trainable_weights), model.count_params())
model.summary()
x = np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 0.0]], dtype="float32")
print(model.predict(x, verbose=0))
model.compile(optimizer="sgd", loss="mse")
model.fit(x, np.zeros((2, 2), dtype="float32"), epochs=2, verbose=0)
print(np.round(model.predict(x, verbose=0), 4))
