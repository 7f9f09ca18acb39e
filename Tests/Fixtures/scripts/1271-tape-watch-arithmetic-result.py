"""Gradient ascent on an input image made by arithmetic on a tensor before any tape records
(keras-io's filter visualization: `img = (noise - 0.5) * 0.25`, then `tape.watch(img)` inside a
tf.function)."""
import tensorflow as tf

start = tf.ones((1, 3, 3, 2)) * 0.5
start = (start - 0.25) * 2.0


@tf.function
def ascend(image, rate):
    with tf.GradientTape() as tape:
        tape.watch(image)
        score = tf.reduce_mean(image * image)
    grads = tape.gradient(score, image)
    grads = grads / (tf.sqrt(tf.reduce_mean(tf.square(grads))) + 1e-5)
    return score, image + rate * grads


for _ in range(2):
    score, start = ascend(start, 0.5)
    print(float(score))
print(start[0, 0])
