# Keras 3's keras.ops on data (not Keras tensors) run at once and give TensorFlow tensors,
# with TensorFlow's dtypes: a quick test input for a model, reshaping and joining arrays.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

probe = keras.ops.ones((2, 3))
print(probe)
print(keras.ops.zeros((4,), dtype="int32"))
steps = keras.ops.arange(6)
print(steps, keras.ops.arange(1.0, 2.0, 0.25).dtype)
grid = keras.ops.reshape(steps, (2, 3))
print(keras.ops.transpose(grid))
print(keras.ops.expand_dims(grid, axis=0).shape, keras.ops.squeeze(keras.ops.ones((1, 3, 1))).shape)
halves = keras.ops.concatenate([keras.ops.ones((1, 2)), keras.ops.zeros((1, 2))])
print(halves, keras.ops.stack([steps, steps], axis=1).shape)
print(keras.ops.cast(steps, "float32").dtype, keras.ops.convert_to_tensor(np.ones((2,))).dtype)
print(keras.ops.matmul(np.ones((2, 3), dtype="float32"), keras.ops.ones((3, 1))))
print(keras.ops.zeros_like(grid), keras.ops.ones_like(np.zeros((2,))))
print(keras.ops.shape(np.zeros((5, 7))), keras.ops.shape(probe))

model = keras.Sequential([layers.Dense(4, activation="relu"), layers.Dense(1)])
out = model(keras.ops.ones((5, 3)))
print(out.shape, len(model.weights))
model.summary()
