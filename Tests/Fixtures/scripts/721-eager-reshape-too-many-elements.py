# Reshaping an eager tensor to sizes whose product leaves 64 bits: TensorFlow multiplies the
# known sizes left to right, so a leading 0 makes the product 0 and a later one comes too late.
import tensorflow as tf

x = tf.zeros(6)
try:
    tf.reshape(x, (0, 2**62, 4))
except tf.errors.InvalidArgumentError:
    print("a leading zero size: a mismatch, not an overflow")
print(tf.reshape(x, (2, -1)).shape)
try:
    tf.reshape(x, (2**62, 4, 0))
except tf.errors.InvalidArgumentError as error:
    print("Shape [4611686018427387904, 4, 0] has too many elements [Op:Reshape]" in str(error))
