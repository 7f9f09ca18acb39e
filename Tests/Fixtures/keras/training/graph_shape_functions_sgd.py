# Training fixture graph_shape_functions_sgd: shape and pixel functions on Keras tensors: tf.shape sizes in tf.reshape, space_to_depth, depth_to_space, extract_patches, gather, where on a comparison, sgd.
from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

inputs = keras.Input(shape=(4, 4, 2))
x = layers.Conv2D(4, 3, padding='same', activation='tanh')(inputs)
s = tf.shape(x)
rows = tf.reshape(x, (s[0], s[1] * s[2], 4))
packed = tf.nn.space_to_depth(x, 2)
unpacked = tf.nn.depth_to_space(packed * 0.5, 2) + x
patches = tf.image.extract_patches(unpacked, [1, 2, 2, 1], [1, 2, 2, 1], [1, 1, 1, 1], 'VALID')
gated = tf.where(patches > 0.1, patches, 0.1 * patches)
picked = tf.gather(rows, [0, 5, 10, 15], axis=1)
y = tf.concat([tf.reshape(gated, (-1, 64)), tf.reshape(picked, (-1, 16))], axis=1)
outputs = layers.Dense(3, activation='softmax')(y)
model = keras.Model(inputs, outputs, name='shape_functions')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
