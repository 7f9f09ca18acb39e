# Training fixture graph_activation_functions_adam: TensorFlow's activation functions on Keras tensors: tf.nn.elu, tf.nn.selu, tf.nn.silu, tf.nn.gelu (exact), and tf.reduce_prod, into a Dense head, adam.
from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

inputs = keras.Input(shape=(6,))
x = layers.Dense(8)(inputs)
p = tf.reduce_prod(tf.reshape(tf.tanh(x), (-1, 4, 2)), axis=1)
y = tf.concat([tf.nn.elu(x), tf.nn.selu(x * 0.7), tf.nn.silu(x), tf.nn.gelu(x - 0.2), p], axis=1)
outputs = layers.Dense(3, activation='softmax')(y)
model = keras.Model(inputs, outputs, name='activation_functions')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
