# Siamese network with a shared tower and a Lambda euclidean distance written with backend functions.
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense, Lambda, Dropout
from tensorflow.keras.models import Model, Sequential


def euclidean_distance(vects):
    x, y = vects
    sum_square = K.sum(K.square(x - y), axis=1, keepdims=True)
    return K.sqrt(K.maximum(sum_square, K.epsilon()))


def build_base_network(input_shape):
    seq = Sequential()
    seq.add(Conv2D(32, (3, 3), activation="relu", input_shape=input_shape))
    seq.add(MaxPooling2D(pool_size=(2, 2)))
    seq.add(Dropout(0.25))
    seq.add(Conv2D(64, (3, 3), activation="relu"))
    seq.add(Flatten())
    seq.add(Dense(128, activation="relu"))
    return seq


input_dim = (28, 28, 1)
base_network = build_base_network(input_dim)
img_a = Input(shape=input_dim)
img_b = Input(shape=input_dim)
feat_vecs_a = base_network(img_a)
feat_vecs_b = base_network(img_b)
distance = Lambda(euclidean_distance)([feat_vecs_a, feat_vecs_b])
model = Model(inputs=[img_a, img_b], outputs=distance)
model.summary()
