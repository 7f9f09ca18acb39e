# Catching TensorFlow's own error around eager arithmetic, and a progress line that waits between
# steps (the wait changes nothing printed).
import time
import tensorflow as tf

for left, right in [(tf.constant(1.5), tf.constant(3)), (tf.constant([1.0, 2.0]), tf.constant([0.5, 0.5]))]:
    try:
        total = left + right
        print("sum:", total.numpy())
    except tf.errors.InvalidArgumentError as error:
        print("refused:", type(error).__name__)
        print(isinstance(error, tf.errors.InvalidArgumentError), isinstance(error, Exception))

for step in range(1, 4):
    time.sleep(0.01)
    print("\rstep {}/3".format(step), end="" if step < 3 else "\n")
time.sleep(-0.5)
