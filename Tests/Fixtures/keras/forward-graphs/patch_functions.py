from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

images = keras.Input(shape=(8, 8, 3))
patches = tf.image.extract_patches(images=images, sizes=[1, 4, 4, 1], strides=[1, 4, 4, 1],
                                   rates=[1, 1, 1, 1], padding="VALID")
batch = tf.shape(patches)[0]
tokens = layers.Dense(6)(tf.reshape(patches, [batch, -1, 48]))
dilated = tf.image.extract_patches(images, [1, 3, 2, 1], [1, 2, 3, 1], [1, 2, 1, 1], "SAME")
windows = layers.Dense(4)(dilated)
model = keras.Model(images, [tokens, windows])
