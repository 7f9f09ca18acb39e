# Keras 3 functional model mixing keras.ops on symbolic tensors: expand_dims, transpose, matmul,
# softmax, concatenate, squeeze and sqrt of a sum of squares.
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops

tokens = keras.Input(shape=(6, 8))
q = layers.Dense(8)(tokens)
k = layers.Dense(8)(tokens)
scores = ops.softmax(ops.matmul(q, ops.transpose(k, (0, 2, 1))) / 8**0.5, axis=-1)
context = ops.matmul(scores, tokens)
both = ops.concatenate([context, tokens], axis=-1)
norm = ops.sqrt(ops.sum(ops.square(both), axis=-1, keepdims=True) + 1e-6)
gate = ops.squeeze(ops.expand_dims(norm, 1), axis=1)
outputs = layers.Dense(3)(ops.mean(both / gate, axis=1))
model = keras.Model(tokens, outputs)
model.summary()
