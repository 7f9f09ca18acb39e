# tf.random.uniform with an integer dtype under a global seed: TensorFlow's RandomUniformInt takes
# minval + bits % (maxval - minval), one 32-bit word per int32, two words (low half first) per
# int64, from the same Philox stream as the float draws; inside a tf.function the graph's seeds.
import tensorflow as tf

tf.random.set_seed(21)
dice = tf.random.uniform([2, 6], minval=1, maxval=7, dtype=tf.int32)
print(dice)
print(tf.random.uniform([5], -50, 50, dtype=tf.int64))
print(tf.random.uniform([4], maxval=2**31 - 1, dtype=tf.int32, seed=9))
print(tf.random.uniform([4], maxval=2**31 - 1, dtype=tf.int32, seed=9))
print(tf.random.uniform([3], minval=-(2**45), maxval=2**45, dtype=tf.int64))
print(tf.random.uniform([3]))


@tf.function
def pick():
    return tf.random.uniform([4], 0, 3, dtype=tf.int32)


print(pick())
print(pick())
print(tf.reduce_sum(tf.random.uniform([1000], 0, 10, dtype=tf.int32)).numpy())
