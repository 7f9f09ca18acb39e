# keras.backend's comparisons inside a custom layer's call: K.greater against the row mean and
# K.equal of the rounded values against zero, whose booleans K.cast turns into 0/1 floats.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K

tf.keras.utils.set_random_seed(2)


class AboveMean(keras.layers.Layer):
    def call(self, x):
        mean = K.mean(x, axis=-1, keepdims=True)
        above = K.cast(K.greater(x, mean), "float32")
        rounds_to_zero = K.cast(K.equal(K.round(x), 0.0), "float32")
        return above + 0.5 * rounds_to_zero


inputs = keras.Input(shape=(4,))
squashed = keras.layers.Dense(4, activation=K.tanh)(inputs)
sizes = keras.layers.Activation(K.abs)(inputs)
flags = AboveMean()(keras.layers.Concatenate()([squashed, sizes]))
model = keras.Model(inputs, flags)
model.summary()

data = np.array([[0.0, 1.0, 2.0, 3.0], [1.0, 1.0, 1.0, 1.0]], dtype="float32")
print(model.predict(data, verbose=0))
print(AboveMean()(data).numpy())
