# The target of tape.gradient may be a variable itself, not read on the tape: TensorFlow matches
# it with the same variable among the sources (a gradient of ones); other sources get None.
import tensorflow as tf

w = tf.Variable(3.0)
u = tf.Variable([1.0, 2.0])
with tf.GradientTape(persistent=True) as tape:
    if w > 1.0:
        chosen = u
    else:
        chosen = u * w
print(tape.gradient(chosen, [u, w]))
print(tape.gradient(w, w))
