"""The linear regression of TensorFlow 2 courses: tf.matmul and `@` of eager tensors under a
GradientTape, the variable updated with assign_sub; tf.transpose has a gradient too (an outer
tape differentiates the inner one's)."""
import numpy as np
import tensorflow as tf

rng = np.random.RandomState(seed=7)
features = rng.rand(16, 2)
targets = [[a + 2 * b + (rng.rand() / 10.0 - 0.05)] for (a, b) in features]
features = tf.cast(features, dtype=tf.float32)

w = tf.Variable([[0.5], [-0.5]])
bias = tf.Variable([[0.0]])
for step in range(301):
    with tf.GradientTape() as tape:
        predicted = tf.matmul(features, w) + bias
        loss = tf.reduce_mean(tf.square(targets - predicted))
    grad_w, grad_b = tape.gradient(loss, [w, bias])
    w.assign_sub(0.1 * grad_w)
    bias.assign_sub(0.1 * grad_b)
    if step % 100 == 0:
        print(step, np.round(w.numpy().ravel(), 3), round(float(loss), 4))

x = tf.Variable([[1.0, -2.0, 0.5]])
with tf.GradientTape() as outer:
    with tf.GradientTape() as inner:
        gram = x @ tf.transpose(x)
        score = tf.reduce_sum(gram * gram)
    first = inner.gradient(score, x)
print(first)
print(outer.gradient(first, x))
print(tf.transpose(tf.constant([[[1.0, 2.0], [3.0, 4.0]]]), perm=[2, 0, 1]).shape)
