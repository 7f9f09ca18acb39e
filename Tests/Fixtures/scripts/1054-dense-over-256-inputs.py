# TensorFlow's MatMul sums more than 256 inputs in blocks (two halves up to 511, then blocks of 256),
# each block on its own, then adds the blocks: a seeded Dense after a Flatten of 400 values (a LeNet
# head), or over 257 or 513 inputs, prints other last digits than one long sum would.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(42)
lenet_head = keras.Sequential(
    [keras.Input((5, 5, 16)), layers.Flatten(), layers.Dense(8), layers.Dense(3, activation="softmax")]
)
maps = np.cos(np.arange(3 * 400, dtype="float32") * 0.37).reshape(3, 5, 5, 16)
print(lenet_head.predict(maps, verbose=0).tolist())
print(lenet_head.layers[1](maps.reshape(3, 400)).numpy().tolist())
for width in [257, 513]:
    probe = keras.Sequential([keras.Input((width,)), layers.Dense(5)])
    rows = np.sin(np.arange(7 * width, dtype="float32") * 0.11).reshape(7, width)
    print(width, probe.predict(rows, verbose=0)[:, 0].tolist())
a = tf.constant(np.sin(np.arange(2 * 300, dtype="float32")).reshape(2, 300))
b = tf.constant(np.cos(np.arange(300 * 4, dtype="float32")).reshape(300, 4))
print(tf.matmul(a, b).numpy().tolist())
