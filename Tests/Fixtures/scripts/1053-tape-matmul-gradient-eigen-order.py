# The gradient of tf.matmul(x, w) for a one-column w is x^T @ dy, which TensorFlow hands to Eigen's
# matrix-vector product without FMA (products rounded, added in order): a plain gradient-descent
# loop shows it in the last digits after a few hundred steps.
import numpy as np
import tensorflow as tf

rows = np.random.RandomState(7).rand(24, 3)
target = rows @ np.array([[0.5], [-1.25], [2.0]]) + 0.1
features = tf.cast(rows, tf.float32)
weights = tf.Variable(tf.constant([[0.3], [0.2], [-0.1]]))
for step in range(301):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(target - tf.matmul(features, weights)))
    gradient = tape.gradient(loss, weights)
    weights.assign_sub(0.05 * gradient)
    if step % 100 == 0:
        print(step, float(loss), gradient.numpy().ravel(), weights.numpy().ravel())
