# Loss functions that pick values with tf.where(tf.equal(y_true, 1), ...) (a focal loss) or mask
# targets with tf.not_equal (a masked squared error), traced by compile/fit and called eagerly.
# The comparisons give booleans, which select, or become 0/1 through tf.cast.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K

tf.keras.utils.set_random_seed(5)


def focal_loss(gamma=2.0, alpha=0.25):
    def focal(y_true, y_pred):
        y_pred = K.clip(y_pred, K.epsilon(), 1.0 - K.epsilon())
        pt_1 = tf.where(tf.equal(y_true, 1), y_pred, tf.ones_like(y_pred))
        pt_0 = tf.where(tf.equal(y_true, 0), y_pred, tf.zeros_like(y_pred))
        return -K.mean(alpha * K.pow(1.0 - pt_1, gamma) * K.log(pt_1)) - K.mean(
            (1 - alpha) * K.pow(pt_0, gamma) * K.log(1.0 - pt_0))
    return focal


def masked_mse(y_true, y_pred):
    mask = tf.cast(tf.not_equal(y_true, -1.0), tf.float32)
    squared = tf.square(y_true - y_pred) * mask
    return tf.reduce_sum(squared, axis=-1) / tf.maximum(tf.reduce_sum(mask, axis=-1), 1.0)


targets = tf.constant([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
guesses = tf.constant([[0.9, 0.2, 0.6], [0.3, 0.1, 0.7]])
print(round(float(focal_loss()(targets, guesses)), 5))
print(np.round(masked_mse(tf.constant([[1.0, -1.0], [2.0, 0.5]]),
                          tf.constant([[0.5, 3.0], [1.0, 1.0]])).numpy(), 4))

x = np.random.RandomState(0).rand(32, 4).astype("float32")
y = (x.sum(axis=1, keepdims=True) > 2.0).astype("float32")

classifier = keras.Sequential([
    keras.layers.Dense(8, activation="relu", input_shape=(4,)),
    keras.layers.Dense(1, activation="sigmoid"),
])
classifier.compile(optimizer="adam", loss=focal_loss(gamma=2.0, alpha=0.25))
history = classifier.fit(x, y, epochs=3, batch_size=8, verbose=0)
print([round(v, 4) for v in history.history["loss"]])

targets2 = np.where(np.arange(64).reshape(32, 2) % 5 == 0, -1.0, x[:, :2]).astype("float32")
regressor = keras.Sequential([
    keras.layers.Dense(6, activation="tanh", input_shape=(4,)),
    keras.layers.Dense(2),
])
regressor.compile(optimizer="sgd", loss=masked_mse)
history = regressor.fit(x, targets2, epochs=2, batch_size=16, verbose=0)
print([round(v, 4) for v in history.history["loss"]])
