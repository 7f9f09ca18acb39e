import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K

n = np.arange(24 * 4).reshape(24, 4)
left = ((n * 7) - ((n * 7) // 11) * 11 - 5).astype("float32") / 5.0
right = ((n * 5) - ((n * 5) // 13) * 13 - 6).astype("float32") / 6.0
same = (left[:, 0] * right[:, 0] > 0).astype("float32")


def euclidean_distance(vectors):
    a, b = vectors
    squared = K.sum(K.square(a - b), axis=1, keepdims=True)
    return K.sqrt(K.maximum(squared, K.epsilon()))


def contrastive_loss(y_true, y_pred):
    margin = 1.0
    square_pred = K.square(y_pred)
    margin_square = K.square(K.maximum(margin - y_pred, 0.0))
    return K.mean(y_true * square_pred + (1 - y_true) * margin_square)


encoder = keras.Sequential([
    keras.Input(shape=(4,)),
    layers.Dense(3, activation="tanh", kernel_initializer=keras.initializers.Constant(0.3), bias_initializer=keras.initializers.Constant(0.05)),
    layers.Dense(2, kernel_initializer=keras.initializers.Constant(-0.2)),
], name="encoder")
a = keras.Input(shape=(4,))
b = keras.Input(shape=(4,))
distance = layers.Lambda(euclidean_distance)([encoder(a), encoder(b)])
model = keras.Model([a, b], distance)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss=contrastive_loss)
history = model.fit([left, right], same, epochs=4, batch_size=8, shuffle=False, verbose=2)
print([round(v, 5) for v in history.history["loss"]])
print(model.evaluate([left, right], same, verbose=0))
print([round(float(v), 4) for v in model.predict([left[:3], right[:3]], verbose=0)[:, 0]])

# A fresh pair of the same kind, trained on a sigmoid of the distance with a built-in loss.
twin = keras.Sequential([
    keras.Input(shape=(4,)),
    layers.Dense(3, activation="tanh", kernel_initializer=keras.initializers.Constant(0.3), bias_initializer=keras.initializers.Constant(0.05)),
    layers.Dense(2, kernel_initializer=keras.initializers.Constant(-0.2)),
], name="twin")
distance = layers.Lambda(euclidean_distance)([twin(a), twin(b)])
head = layers.Dense(1, activation="sigmoid", kernel_initializer=keras.initializers.Constant(-1.0), bias_initializer=keras.initializers.Constant(0.5))(distance)
classifier = keras.Model([a, b], head)
classifier.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="binary_crossentropy", metrics=["accuracy"])
history = classifier.fit([left, right], same, epochs=3, batch_size=8, shuffle=False, verbose=2)
print(classifier.evaluate([left, right], same, verbose=0))
