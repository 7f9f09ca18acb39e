# The same gating written with keras.ops for Keras 3: one_hot of an integer input, where on a
# comparison, take of a few channels, then concatenate.
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops

num_classes = 5
image = keras.Input(shape=(28, 28, 1), name="image")
label = keras.Input(shape=(), dtype="int32", name="label")
x = layers.Conv2D(16, 3, strides=2, activation="relu")(image)
x = layers.GlobalAveragePooling2D()(x)
x = ops.where(x > 0.5, x, 0.0)
picked = ops.take(x, [0, 4, 8], axis=1)
onehot = ops.one_hot(label, num_classes)
h = ops.concatenate([x, picked, onehot], axis=-1)
outputs = layers.Dense(1, activation="sigmoid")(h)
model = keras.Model([image, label], outputs)
model.summary()
