# Boolean tensors combined with &, | and ^ (TensorFlow's logical kernels) and the tf.logical_*
# functions, tf.where with only a condition (the coordinates of the true values, int64), the
# gradient of tf.where(cond, x, y) on a tape, tf.math.divide_no_nan and tf.math.top_k.
import tensorflow as tf

scores = tf.constant([[0.9, 0.1, 0.4], [0.2, 0.8, 0.8]])
high = scores > 0.3
low = scores < 0.85
print(high & low)
print(high | low, high ^ low)
print(tf.logical_not(high), tf.math.logical_xor(high, [True, False, True]))
print(tf.where(high & low))
print(tf.where(tf.zeros((2, 2)) > 1.0).shape)
try:
    tf.where(high, x=scores)
except ValueError as error:
    print(error)

weights = tf.Variable([0.5, -1.5, 2.0])
with tf.GradientTape() as tape:
    inside = (weights > 0.0) & (weights < 1.0)
    total = tf.reduce_sum(tf.where(inside, weights * weights, 2.0 * weights))
print(tape.gradient(total, weights))

counts = tf.constant([3.0, 0.0, 5.0])
sums = tf.constant([1.5, 2.0, 0.0])
print(tf.math.divide_no_nan(sums, counts))
print(tf.math.divide_no_nan(tf.constant([1.0, 4.0], tf.float64), 0.0))

best = tf.math.top_k(scores, k=2)
print(best)
values, positions = tf.nn.top_k(tf.constant([4, 9, 1, 9]), 3)
print(values.numpy(), positions.numpy())
try:
    tf.math.top_k(scores, k=4)
except tf.errors.InvalidArgumentError as error:
    print(error)
