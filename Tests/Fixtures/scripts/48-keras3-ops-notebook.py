# A Keras 3 notebook: keras.ops on symbolic tensors and inside Lambda layers.
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops

inputs = keras.Input(shape=(12, 12, 3))
x = layers.Conv2D(6, 3, padding="same")(inputs)
x = ops.relu(x)
avg = ops.mean(x, axis=[1, 2], keepdims=True)
gate = ops.sigmoid(avg)
x = ops.multiply(x, gate)
x = ops.concatenate([x, ops.abs(x)], axis=-1)
pooled = ops.max(x, axis=[1, 2])
scaled = layers.Lambda(lambda t: ops.sqrt(ops.maximum(ops.square(t), 1e-7)))(pooled)
flat = ops.reshape(x, (-1, 12 * 12 * 12))
outputs = layers.Dense(3)(ops.concatenate([scaled, flat], axis=1))
model = keras.Model(inputs, outputs)
model.summary()
print(ops.expand_dims(outputs, -1).shape)
