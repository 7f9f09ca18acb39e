# tf.add_n sums tensors of one shape left to right, as TensorFlow's AddN kernel does (the last digits
# of a long float32 sum follow that order).
import tensorflow as tf
a = tf.constant([[1.0, 2.0], [-2.0, 1.0]])
b = tf.constant([[0.1, 0.2], [0.3, 0.4]])
c = tf.constant([[1e8, 1.0], [3.0, -1e8]])
print(tf.add_n([a, b, c]))
print(tf.math.add_n([a, b, c, a, b, c, a, b, c, a, b]))
print(tf.add_n([tf.constant([1, 2]), tf.constant([3, 4])]))
print(tf.add_n([a]))
print(tf.add_n([[1.5, 2.0], [0.25, 1.0]]))
