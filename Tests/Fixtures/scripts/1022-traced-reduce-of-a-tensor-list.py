# Inside a traced function TensorFlow stacks a list of tensors of one shape into one tensor, so a
# reduction can take a Python list of per-column results.
import numpy as np
import tensorflow as tf
from tensorflow import keras

inputs = keras.Input((3,))
total = keras.layers.Lambda(lambda t: tf.reduce_sum([t[:, 0], t[:, 2]], axis=0))(inputs)
peak = keras.layers.Lambda(lambda t: tf.reduce_max([t[:, 0], t[:, 1], t[:, 2]], axis=0))(inputs)
model = keras.Model(inputs, [total, peak])
print(model.output_shape)
data = np.array([[1.0, 5.0, 2.0], [4.0, -1.0, 0.5], [0.0, 0.0, 3.0]], dtype="float32")
first, second = model.predict(data, verbose=0)
print(first.tolist(), second.tolist())
