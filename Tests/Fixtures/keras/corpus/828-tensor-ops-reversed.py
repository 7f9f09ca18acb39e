# More operators on Keras tensors: powers, reversed subtraction and division, abs(), comparisons
# turned into floats, matrix products through tf.matmul, and slicing.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

seq = keras.Input(shape=(5, 4), name="seq")
proj = layers.Dense(4, name="proj")(seq)
powered = proj ** 2
inv = 1.0 / (powered + 1.0)
rsub = 3.0 - inv
absolute = abs(rsub - proj)
gram = tf.matmul(absolute, absolute, transpose_b=True)
first_step = seq[:, 0, :]
last_two = seq[:, -2:, :]
mask = tf.cast(proj > 0.0, "float32")
model = keras.Model(seq, [gram, first_step, last_two, mask * proj], name="ops_more")
model.summary()
print(model.output_shape)
