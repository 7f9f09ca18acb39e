# Normalization.adapt on a layer that has no input shape yet, inside an augmentation Sequential
# that a functional model then calls: the statistics come from the data, the shapes from the call.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops

rng = np.random.default_rng(4)
images = rng.integers(0, 256, size=(10, 8, 8, 3)).astype("uint8")
prep = keras.Sequential(
    [layers.Normalization(), layers.RandomFlip("horizontal")], name="prep"
)
prep.layers[0].adapt(images)
print(prep.layers[0].mean.shape, prep.layers[0].variance.shape)
print(np.round(prep.layers[0].mean.numpy().ravel(), 3))
print(prep.built, ops.shape(images))

inputs = keras.Input((8, 8, 3))
x = prep(inputs)
x = layers.Conv2D(4, 3)(x)
outputs = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, outputs)
model.summary()
print(len(model.non_trainable_weights), len(prep.layers[0].weights))

columns = layers.Normalization(axis=-1)
columns.adapt(np.array([[1.0, 10.0], [3.0, 30.0], [5.0, 20.0]]))
print(columns.mean.numpy(), columns.variance.numpy())
print(columns(np.array([[3.0, 20.0]])).numpy())
