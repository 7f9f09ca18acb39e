# Training fixture graph_resize_matmul_adam: tf.image.resize (bilinear up and down, nearest) and tf.matmul (a Gram matrix with transpose_b, a product of two tensors with transpose_a and transpose_b) on Keras tensors, adam.
from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

inputs = keras.Input(shape=(4, 4, 2))
x = layers.Conv2D(3, 3, padding='same', activation='tanh')(inputs)
up = tf.image.resize(x, (7, 6))
down = tf.image.resize(up, (3, 2))
near = tf.image.resize(x, (5, 5), method='nearest')
rows = tf.reshape(x, (-1, 16, 3))
gram = tf.matmul(rows, rows, transpose_b=True) / 16.0
mixed = tf.matmul(x[:, :3, 0, :], tf.reshape(near, (-1, 25, 3)), transpose_a=True, transpose_b=True)
y = tf.concat([tf.reshape(up, (-1, 126)), tf.reshape(down, (-1, 18)), tf.reshape(gram, (-1, 256)), tf.reshape(mixed, (-1, 75))], axis=1)
outputs = layers.Dense(3, activation='softmax')(y)
model = keras.Model(inputs, outputs, name='resize_matmul')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
