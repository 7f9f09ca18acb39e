# TensorFlow's Relu keeps NaN, and a -0.0 comes out as 0.0 except in the last few values of a
# tensor (those after its last whole group of eight), which keep their sign. Every form of relu
# runs that op: tf.nn.relu, the activation function, the ReLU layer, Activation("relu"), predict.
import math

import numpy as np
import tensorflow as tf
import keras

nan = float("nan")
row = np.array([[nan, -0.0, -3.0, 1.5, float("-inf"), float("inf"), 0.0, -0.0, nan, -0.0, 2.0]],
               dtype=np.float32)


def signs(values):
    flat = np.asarray(values).ravel().tolist()
    return "".join("-" if math.copysign(1.0, value) < 0 else "+" for value in flat)


print(tf.nn.relu(row))
print(signs(tf.nn.relu(row)))
print(signs(keras.activations.relu(row)), signs(keras.layers.ReLU()(row)))
print(signs(keras.layers.Activation("relu")(row)))
capped = keras.layers.ReLU(max_value=1.0)(row)
print(np.asarray(capped), signs(capped))
print(signs(tf.nn.relu6(row)), signs(keras.layers.ReLU(negative_slope=0.5, max_value=6.0)(row)))
model = keras.Sequential([keras.Input((11,)), keras.layers.Activation("relu")])
print(model.predict(row, verbose=0))
print(signs(model.predict(np.full((3, 11), -0.0, dtype=np.float32), verbose=0)))
blocked = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2, kernel_initializer="zeros"),
                            keras.layers.Activation("relu")])
print(blocked.predict(np.array([[-0.0, nan], [float("inf"), 1.0]], dtype=np.float32), verbose=0))
