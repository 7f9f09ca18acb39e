# tf.range with bounds on the wrong side of its step and tf.one_hot with a negative depth are
# errors of their kernels (Python's range would just be empty).
import tensorflow as tf

attempts = [
    lambda: tf.range(10, 0),
    lambda: tf.range(0, 10, -1),
    lambda: tf.range(3.0, 1.0),
    lambda: tf.range(2.5, 0.1),
    lambda: tf.range(10, 0, 2**63 - 1),
    lambda: tf.range(5, 5),
    lambda: tf.range(0, 10, 0),
    lambda: tf.one_hot([1, 2], -1),
    lambda: tf.one_hot([1, 2], 0),
]
for attempt in attempts:
    try:
        print(attempt())
    except tf.errors.InvalidArgumentError as error:
        print(error)
