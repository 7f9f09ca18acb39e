# tf-keras' backend functions on eager tensors made from NumPy data (K.constant, tf.constant,
# K.variable): reductions with tf-keras' defaults, K.std / K.var, K.eval and K.get_value.
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K

data = np.array([[0.5, 1.75, 6.0], [2.0, 3.0, -1.5]], dtype=np.float32)
t = tf.constant(data)
print(K.mean(t))
print(K.mean(t, axis=0))
print(K.sum(t, axis=1, keepdims=True))
print(K.std(t))
print(K.std(t, axis=1))
print(K.var(t, axis=0, keepdims=True))
print(tf.math.reduce_std(t, axis=-1))
print(tf.math.reduce_variance(t))
print(K.max(t), K.min(t, axis=1), K.prod(t, axis=0))
print(K.argmax(t), K.argmin(t, axis=0))

c = K.constant([[1, 2], [3, 4]])
print(c)
print(K.eval(K.mean(c, axis=1)))
print(K.concatenate([c, c]))
print(K.concatenate([c, c], axis=0).shape)
print(K.expand_dims(K.constant([1.0, 2.0])))
print(K.clip(c, 1.5, 3.0))
print(K.clip(c, 3, 2))
print(K.pow(c, 2), K.cast(c, "int32"))
print(K.reshape(c, (4,)), K.ones_like(c), K.zeros_like(c))

v = K.variable(np.arange(4).reshape(2, 2))
print(v)
print(K.eval(v), K.get_value(v))
print(K.get_value(t))
print(K.std(K.constant([1.0, 2.0, 4.0], dtype="float64")))

for value in [np.array([1.0, 2.0]), np.arange(3), [1.0, 2.0], np.float32(2.0)]:
    try:
        K.mean(value)
    except AttributeError as error:
        print("AttributeError:", error)
print(K.sum(np.array([1, 2, 3])), K.eval(np.array([4, 5])))
K.var(np.ones((2, 2)))
