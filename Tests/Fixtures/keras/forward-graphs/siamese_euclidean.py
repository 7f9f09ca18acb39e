from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf
from tensorflow.keras import backend as K

def euclidean_distance(vects):
    x, y = vects
    sum_square = K.sum(K.square(x - y), axis=1, keepdims=True)
    return K.sqrt(K.maximum(sum_square, K.epsilon()))

tower_in = keras.Input(shape=(8, 8, 2))
t = layers.Conv2D(4, 3, activation="relu")(tower_in)
t = layers.GlobalAveragePooling2D()(t)
tower = keras.Model(tower_in, layers.Dense(5, activation="tanh")(t), name="tower")
left = keras.Input(shape=(8, 8, 2))
right = keras.Input(shape=(8, 8, 2))
distance = layers.Lambda(euclidean_distance)([tower(left), tower(right)])
l1 = layers.Lambda(lambda p: tf.abs(p[0] - p[1]))([tower(left), tower(right)])
model = keras.Model([left, right], [distance, layers.Dense(1, activation="sigmoid")(l1)])
