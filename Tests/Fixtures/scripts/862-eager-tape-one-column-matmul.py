# A line fitted by hand with GradientTape: X (40, 3) @ w (3, 1) has one column, which TensorFlow
# sums as a matrix-vector product, and the gradient X^T dy as a transposed MatMul.
import numpy as np
import tensorflow as tf

grid = np.linspace(0.0, 2.0, 120).reshape(40, 3)
target = grid @ np.array([[0.5], [-1.25], [2.0]]) + 0.1
X = tf.constant(grid, dtype=tf.float32)
Y = tf.constant(target, dtype=tf.float32)
w = tf.Variable(tf.zeros([3, 1]))
for step in range(400):
    with tf.GradientTape() as tape:
        residual = tf.matmul(X, w) - Y
        loss = tf.reduce_mean(tf.square(residual))
    grad = tape.gradient(loss, w)
    w.assign_sub(0.05 * grad)
    if step % 100 == 0:
        print(step, loss.numpy())
print(w.numpy())
print(tf.matmul(X[:5], w).numpy())
print(tf.matmul(X, w, transpose_a=False)[-2:].numpy())
print(tf.matmul(X[:4], X[:4, :1] * 0.3, transpose_a=True).numpy())
