# Conditional classifier head: integer labels one-hot encoded with tf.one_hot and concatenated to
# the image features; a hard gate with tf.where on a comparison, and a few chosen channels picked
# with tf.gather.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

num_classes = 5
image = keras.Input(shape=(28, 28, 1), name="image")
label = keras.Input(shape=(), dtype="int32", name="label")
x = layers.Conv2D(16, 3, strides=2, activation="relu")(image)
x = layers.Conv2D(32, 3, strides=2, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
x = tf.where(x > 0.5, x, 0.0)
picked = tf.gather(x, [0, 4, 8, 12], axis=1)
onehot = tf.one_hot(label, num_classes)
h = tf.concat([x, picked, onehot], axis=-1)
outputs = layers.Dense(1, activation="sigmoid")(h)
model = keras.Model([image, label], outputs)
model.summary()
