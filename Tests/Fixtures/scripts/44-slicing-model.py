# A spatial-transformer-ish model: a localisation head predicts an affine vector; the code then
# slices tensors with Python indexing (tf-keras records SlicingOpLambda layers).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input(shape=(20, 20, 4), name="image")
rgb = image[..., :3]
depth = image[..., 3:]
loc = layers.Conv2D(8, 5, strides=2, activation="relu")(rgb)
loc = layers.Flatten()(loc)
theta = layers.Dense(6, name="theta")(loc)
scale = theta[:, 0:1]
shift = theta[:, 4:]
first_row = rgb[:, 0]
corner = rgb[:, :10, :10, :]
strided = depth[:, ::2, ::2]
print(scale.shape, shift.shape, first_row.shape, corner.shape, strided.shape)
features = layers.Conv2D(3, 3, padding="same")(corner)
features = layers.GlobalAveragePooling2D()(features)
merged = layers.concatenate([features, scale, shift, layers.Flatten()(strided)])
model = keras.Model(image, layers.Dense(2)(merged))
model.summary()
