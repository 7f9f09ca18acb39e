# tf.split into a count that does not divide the axis, or into 0 or fewer parts: TensorFlow's
# messages, with the count in the kernel's name and the op's name ("split" unless given).
import tensorflow as tf

x = tf.reshape(tf.range(8.0), (2, 4))
calls = [
    lambda: tf.split(x, 3, axis=1),
    lambda: tf.split(x, 3, axis=1, name="parts"),
    lambda: tf.split(x, 0),
    lambda: tf.split(x, 2, axis=1),
]
for call in calls:
    try:
        print([part.shape for part in call()])
    except Exception as error:
        print(type(error).__name__, error)
