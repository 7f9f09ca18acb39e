# tf.Variable: assign, assign_add, assign_sub and assigning into slices (a running sum by hand).
import tensorflow as tf

counter = tf.Variable(0)
print(counter)
counter.assign_add(5)
counter.assign_sub(2)
print(counter.numpy(), counter.name, counter.trainable)
weights = tf.Variable(tf.ones((2, 3)), name="weights", trainable=False)
print(weights)
print(weights.assign(tf.zeros((2, 3))))

def window_sums(x, size):
    out = tf.Variable(tf.zeros((x.shape[0] - size + 1,)))
    for i in range(out.shape[0]):
        out[i].assign(tf.reduce_sum(x[i:i + size]))
    return out

print(window_sums(tf.constant([1.0, 2.0, 3.0, 4.0, 5.0]), 2))
grid = tf.Variable(tf.zeros((3, 4)))
grid[:, 1:3].assign(tf.ones((3, 2)) * 7)
print(grid)
print(grid + 1)
