# Training fixture graph_lambda_siamese_adam: a siamese pair: a shared encoder, a Lambda euclidean distance (tf.sqrt of a clipped reduce_sum of squares), a sigmoid head, adam.
from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

def euclidean_distance(vectors):
    a, b = vectors
    squared = tf.reduce_sum(tf.square(a - b), axis=1, keepdims=True)
    return tf.sqrt(tf.maximum(squared, 1e-7))

left = keras.Input(shape=(6,), name='left')
right = keras.Input(shape=(6,), name='right')
encoder = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(5, activation='relu'), layers.Dense(4)], name='encoder')
distance = layers.Lambda(euclidean_distance, name='distance')([encoder(left), encoder(right)])
outputs = layers.Dense(1, activation='sigmoid')(distance)
model = keras.Model([left, right], outputs, name='siamese_distance')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='binary_crossentropy', metrics=['accuracy'])
