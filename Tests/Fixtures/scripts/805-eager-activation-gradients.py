# Derivatives of the squashing functions checked by hand on a grid, with seeded starting
# points drawn from a truncated normal.
import tensorflow as tf

grid = tf.linspace(-4.0, 4.0, 9)
print(grid)
with tf.GradientTape(persistent=True) as tape:
    tape.watch(grid)
    s = tf.sigmoid(grid)
    t = tf.tanh(grid)
ds = tape.gradient(s, grid)
dt = tape.gradient(t, grid)
print("sigmoid'", ds.numpy())
print("check   ", (s * (1 - s)).numpy())
print("tanh'   ", dt.numpy())
print(tf.linspace(0, 1, 4).numpy(), tf.linspace(2.0, 3.0, 1).numpy())

tf.random.set_seed(31)
w = tf.Variable(tf.random.truncated_normal([3, 2], stddev=0.5))
x = tf.constant([[0.5, -1.0, 2.0]])
with tf.GradientTape() as tape:
    y = tf.reduce_sum(tf.sigmoid(x @ w))
print(w.numpy())
print(tape.gradient(y, w).numpy())
print(tf.random.truncated_normal([5], mean=1.0, seed=4).numpy())
