# Arithmetic on eager tensors: broadcasting, Python numbers and NumPy arrays take the tensor's dtype,
# whole numbers divide to float64, floor division and modulo round down as Python does.
import numpy as np
import tensorflow as tf

x = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
bias = tf.constant([10.0, 20.0, 30.0])
print(x + bias)
print(x * 2 - 1)
print(1 - x)
print(x / 4)
print(x ** 2)
print(-x)
print(x @ tf.transpose(x))
print(x + np.array([1, 1, 1]))
print(x > 2.5)
print(x == 4)
counts = tf.constant([7, -7, 9])
print(counts // 2, counts % 3)
print(counts / 2)
print(counts * 3 + 1)
print(abs(counts))
print(tf.constant([250, 10], dtype=tf.uint8) + 10)
print(tf.constant(-7.5) % 2)
