# Training fixture graph_split_unstack_adam: tf.split into halves and by sizes and tf.unstack of rows on Keras tensors, recombined by tf.concat, Add and arithmetic: gradients flow back through every piece, adam.
from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

inputs = keras.Input(shape=(5, 4))
left, right = tf.split(inputs, 2, axis=-1)
rows = tf.unstack(layers.Dense(3, activation='tanh')(right), axis=1)
head, rest = tf.split(left, [1, -1], axis=1)
x = tf.concat([layers.Flatten()(rest * 2.0), layers.Add()(rows[1:4]), rows[0] - rows[4], layers.Flatten()(head)], axis=-1)
outputs = layers.Dense(3, activation='softmax')(x)
model = keras.Model(inputs, outputs, name='split_unstack')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
