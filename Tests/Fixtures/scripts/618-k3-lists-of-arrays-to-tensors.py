# Lists holding NumPy arrays become one tensor as TensorFlow packs them: a batch of one uint8
# picture resized with keras.ops.image.resize, stacks of arrays, and the position indices of a
# patch encoder made with ops.expand_dims(ops.arange(...)) inside call().
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops

picture = (np.arange(4 * 4 * 3) * 7 % 256).astype("uint8").reshape(4, 4, 3)
batch = ops.convert_to_tensor([picture], dtype="float32")
print(batch.dtype, batch.shape)
print(ops.convert_to_tensor([picture, picture]).dtype)
print(ops.convert_to_tensor([np.ones(2), np.zeros(2)]).dtype)
print(ops.convert_to_tensor([np.ones(2, "float32"), [1, 2]]))
print(ops.stack([picture, picture]).dtype, ops.concatenate([picture, picture]).dtype)
bigger = ops.image.resize(batch, size=(6, 6))
print(bigger.shape, bigger.dtype)
print(np.round(ops.convert_to_numpy(bigger)[0, :2, :2, 0], 3))
for bad in ([1, [1, 2]], [[1, 2], np.ones(3)]):
    try:
        ops.convert_to_tensor(bad)
    except ValueError as error:
        print("ValueError:", error)


class PatchEncoder(layers.Layer):
    def __init__(self, num_patches, projection_dim, **kwargs):
        super().__init__(**kwargs)
        self.num_patches = num_patches
        self.projection = layers.Dense(projection_dim)
        self.position_embedding = layers.Embedding(num_patches, projection_dim)

    def call(self, patch):
        positions = ops.expand_dims(ops.arange(start=0, stop=self.num_patches, step=1), axis=0)
        return self.projection(patch) + self.position_embedding(positions)


inputs = keras.Input((9, 12))
outputs = PatchEncoder(9, 8)(inputs)
model = keras.Model(inputs, outputs)
model.summary()
print(model.predict(np.ones((2, 9, 12)), verbose=0).shape)
