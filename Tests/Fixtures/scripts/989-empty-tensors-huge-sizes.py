# An empty tensor holds no values whatever its other sizes: TensorFlow makes tf.zeros((2**20, 0))
# at once, and what is computed from it stays empty.
import tensorflow as tf

print(tf.zeros((2**20, 0)))
print(tf.ones((0, 2**24), dtype=tf.int32))
print(tf.fill((3, 0, 2**20), 7.0))
print(tf.zeros((2**20, 0)).shape)
print(tf.reshape(tf.zeros((2**20, 0)), (-1,)))
print(tf.reduce_sum(tf.zeros((2**20, 0))))
print((tf.zeros((2**20, 0)) + 1).shape)
print(tf.transpose(tf.zeros((2**20, 0))).shape)
print(tf.zeros_like(tf.zeros((0, 2**20))).shape)
print(tf.zeros((2**20, 0)).numpy().shape)
print(tf.zeros((5, 0)))
print(tf.zeros((0,)))
try:
    tf.fill((2, -3), 1.0)
except tf.errors.InvalidArgumentError as error:
    print(error)
try:
    tf.ones((2**40, -3))
except tf.errors.InvalidArgumentError as error:
    print(error)
print(tf.zeros((-1, 2)))
