"""Siamese network on 28x28 digits: a shared CNN tower, euclidean distance in a Lambda,
trained with contrastive loss (the classic keras.io / blog recipe)."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K


def euclidean_distance(vects):
    x, y = vects
    sum_square = K.sum(K.square(x - y), axis=1, keepdims=True)
    return K.sqrt(K.maximum(sum_square, K.epsilon()))


def contrastive_loss(y_true, y_pred, margin=1.0):
    square_pred = K.square(y_pred)
    margin_square = K.square(K.maximum(margin - y_pred, 0))
    return K.mean(y_true * square_pred + (1 - y_true) * margin_square)


def build_tower(input_shape):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, 3, activation="relu")(inputs)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(32, 3, activation="relu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(32, activation="tanh")(x)
    return keras.Model(inputs, x, name="tower")


tower = build_tower((28, 28, 1))
left = keras.Input(shape=(28, 28, 1), name="left")
right = keras.Input(shape=(28, 28, 1), name="right")
distance = layers.Lambda(euclidean_distance, name="distance")([tower(left), tower(right)])
output = layers.Dense(1, activation="sigmoid")(layers.BatchNormalization()(distance))
siamese = keras.Model(inputs=[left, right], outputs=output)
siamese.compile(loss=contrastive_loss, optimizer="rmsprop", metrics=["accuracy"])
tower.summary()
siamese.summary()
print("distance shape:", distance.shape)
