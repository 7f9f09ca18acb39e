# keras.backend.batch_dot on Keras tensors of two and three axes, with and without axes.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K

seq = tf.keras.Input(shape=(5, 3), name="seq")
vec = tf.keras.Input(shape=(3,), name="vec")
other = tf.keras.Input(shape=(5, 2), name="other")
outputs = [
    K.batch_dot(seq, vec),
    K.batch_dot(vec, seq, axes=[1, 2]),
    K.batch_dot(seq, seq, axes=[2, 2]),
    K.batch_dot(seq, other, axes=(1, 1)),
    K.batch_dot(vec, vec, axes=[1, 1]),
    K.batch_dot(other, seq, axes=[-2, -2]),
]
for t in outputs:
    print(t.shape)
model = tf.keras.Model([seq, vec, other], outputs)
model.summary()
s = np.arange(2 * 5 * 3, dtype="float32").reshape(2, 5, 3) / 10
v = np.array([[1.0, -1.0, 0.5], [0.0, 2.0, 1.0]], dtype="float32")
o = np.linspace(-1, 1, 20, dtype="float32").reshape(2, 5, 2)
for result in model.predict([s, v, o], verbose=0):
    print(result.shape, np.round(result, 4).tolist())
