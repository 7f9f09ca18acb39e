# Reductions and elementwise math on eager tensors (a float64 softmax: ConvBook's float32 exp
# can differ from TensorFlow's in the last digit).
import numpy as np
import tensorflow as tf

logits = tf.constant([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]])
print(tf.reduce_sum(logits), tf.reduce_mean(logits))
print(tf.reduce_max(logits, axis=1), tf.reduce_min(logits, axis=0))
print(tf.reduce_sum(logits, axis=1, keepdims=True))
print(tf.reduce_prod(tf.constant([2, 3, 4])))
print(tf.reduce_mean(tf.constant([1, 2, 4])))
print(tf.nn.softmax(tf.constant([[0.0, 0.0], [3.0, 3.0]])))
print(tf.nn.relu(logits - 1.0))
print(tf.math.sigmoid(logits))
print(tf.exp(logits), tf.math.log(tf.constant([1.0, 10.0])))
print(tf.sqrt(tf.constant([4.0, 2.0])), tf.square(tf.constant([3, -2])))
print(tf.argmax(logits, axis=1), tf.argmin(logits, axis=1))
print(tf.one_hot([2, 0, 1], 3))
print(tf.where(logits > 1.0, logits, tf.zeros_like(logits)))
print(tf.clip_by_value(logits, 0.5, 2.0))
print(tf.maximum(logits, 1.0), tf.math.equal(tf.constant([1, 2]), 2))
print(tf.matmul(logits, logits, transpose_b=True))
print(tf.keras.activations.softmax(tf.constant(np.array([[1.0, 3.0, 4.0, 2.0]]))))
