# Arithmetic and TensorFlow functions on Keras tensors in one graph: sums, scaling, negation,
# reversed operands, division of tensors, and a few tf.math and tf.nn functions.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

p = keras.Input(shape=(6, 6, 8), name="p")
q = keras.Input(shape=(6, 6, 8), name="q")
s = p + q
half = s * 0.5
neg = -half
one_minus = 1 - q
ratio = p / (one_minus + 2.0)
mx = tf.maximum(ratio, neg)
sq = tf.square(mx)
act = tf.nn.relu(sq - 0.1)
m = tf.math.reduce_mean(act, axis=[1, 2])
m2 = tf.math.sqrt(m + 1e-6)
model = keras.Model([p, q], [m2, one_minus * p], name="ops_mix")
model.summary()
print([layer.__class__.__name__ for layer in model.layers])
print(model.output_shape)
