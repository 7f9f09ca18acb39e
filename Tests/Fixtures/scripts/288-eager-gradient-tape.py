# tf.GradientTape on scalar functions of variables: first and second derivatives, persistent
# tapes, watched constants, stop_gradient, and the error of a tape used twice.
import tensorflow as tf

def area(width, height):
    return width * height + 0.5 * width ** 2

width, height = tf.Variable(4.0), tf.Variable(2.0)
with tf.GradientTape() as tape:
    value = area(width, height)
print(value, tape.gradient(value, [width, height]))

with tf.GradientTape(persistent=True) as tape:
    value = area(width, height)
print(tape.gradient(value, width), tape.gradient(value, height))
del tape

side = tf.constant(3.0)
with tf.GradientTape() as tape:
    tape.watch(side)
    volume = side ** 3
print(tape.gradient(volume, side))

with tf.GradientTape() as tape:
    total = tf.reduce_sum(tf.exp(width - 4.0) + tf.sqrt(height * 8.0))
print(tape.gradient(total, [width, height]))

with tf.GradientTape() as outer:
    with tf.GradientTape() as inner:
        value = area(width, height)
    first = inner.gradient(value, [width, height])
second = [outer.gradient(first[0], [width, height])]
print(first, second)

with tf.GradientTape() as tape:
    value = width * tf.stop_gradient(height * width)
print(tape.gradient(value, [width, height]))

with tf.GradientTape() as tape:
    value = tf.reduce_mean(tf.square(width - tf.constant([1.0, 2.0, 3.0])))
print(tape.gradient(value, width))
print(tape.gradient(value, width))
