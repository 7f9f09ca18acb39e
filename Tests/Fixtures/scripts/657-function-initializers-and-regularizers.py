# Functions of the script given as a layer's initializer, regularizer and constraint: Keras calls
# an initializer function with the weight's shape and dtype while the layer builds, and keeps each
# function as the layer's attribute; get_config names them as builtin functions.
import numpy as np
import tensorflow as tf
from tensorflow import keras


def scaled_ones(shape, dtype=None):
    print("initializing", shape, dtype)
    return tf.ones(shape, dtype=dtype) * 0.05


def ramp(shape, dtype=None):
    return tf.reshape(tf.range(np.prod(shape), dtype=tf.float32) / 100.0, shape)


def sparse_penalty(weights):
    return 0.001 * tf.reduce_sum(tf.abs(weights))


def clip_unit(w):
    return tf.clip_by_value(w, -1.0, 1.0)


inputs = keras.Input((6, 6, 2))
x = keras.layers.Conv2D(3, 3, kernel_initializer=ramp, bias_initializer=scaled_ones,
                        kernel_regularizer=sparse_penalty)(inputs)
x = keras.layers.Flatten()(x)
x = keras.layers.Dense(4, kernel_initializer=scaled_ones, kernel_constraint=clip_unit)(x)
model = keras.Model(inputs, x)
model.summary()
conv, dense = model.layers[1], model.layers[3]
print(conv.kernel_initializer.__name__, conv.kernel_regularizer.__name__)
print(dense.kernel_constraint is clip_unit)
config = conv.get_config()
print(config["kernel_initializer"])
print(config["kernel_regularizer"]["config"], config["bias_regularizer"])
print(conv.get_weights()[0][2, 1])
print(np.round(model.predict(np.ones((2, 6, 6, 2)), verbose=0), 4))
