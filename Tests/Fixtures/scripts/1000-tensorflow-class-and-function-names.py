# What type() and __name__ say about TensorFlow's own objects: a tf.Variable is TensorFlow's
# ResourceVariable (assign() hands back an _UnreadVariable), tf.Variable itself is a class, and
# TensorFlow's functions are named after the Python function behind them.
import numpy as np
import tensorflow as tf

counter = tf.Variable(3.0, name="counter")
print(type(counter))
print(type(counter).__name__, type(counter.assign_add(1.0)).__name__)
print(type(counter.assign(0.5)))
print(type(counter) == type(tf.Variable([1, 2])), type(counter) is type(counter))
print(tf.Variable, tf.Tensor, np.ndarray)
print(tf.Variable.__module__, tf.Tensor.__name__, tf.Variable.__name__)

row = tf.constant([1.0, 2.0])
print(type(row), type(row.numpy()), type(row) == np.ndarray, type(row.numpy()) == np.ndarray)

for fn in [tf.image.resize, tf.nn.softmax, tf.nn.silu, tf.nn.relu, tf.argmax, tf.reduce_sum, tf.shape,
           tf.math.reduce_mean, tf.nn.log_softmax, tf.linalg.inv, tf.one_hot, tf.is_tensor]:
    print(fn.__name__, fn.__qualname__)

head = tf.keras.layers.Dense(3, activation=tf.nn.softmax)
body = tf.keras.layers.Dense(3, activation=tf.nn.relu)
plain = tf.keras.layers.Dense(3, activation="softmax")
print(head.activation.__name__, body.activation.__name__, plain.activation.__name__)
