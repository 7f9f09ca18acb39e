import tensorflow as tf
import numpy as np
w = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
x = tf.constant([[0.5, -1.0]])
with tf.GradientTape(persistent=True) as tape:
    y = tf.reduce_sum((x * w) ** 2)
    z = tf.reduce_mean(tf.exp(w) - tf.sqrt(tf.square(w)))
print(y, tape.gradient(y, w), tape.gradient(z, [w]))
parts = tf.split(tf.range(12), 3)
rows = tf.split(tf.reshape(tf.range(6), (2, 3)), 3, axis=1)
print(parts, rows, tf.concat(parts, 0), tf.stack(rows))
t = tf.cast(tf.constant([1.5, -2.5, 7.9]), tf.int32)
print(t, tf.reduce_max(tf.constant([1.0, float("nan")])), tf.clip_by_value(x, -0.5, 0.5))
v = tf.Variable(tf.zeros((2, 3)))
v.assign_add(tf.ones((2, 3)))
v[0, 1].assign(5.0)
print(v.numpy(), v.shape, tf.one_hot([0, 2], 3), tf.argmax(v, axis=1))
print(x.numpy().tolist(), float(y), int(tf.size(w)), tf.shape(w)[0])
