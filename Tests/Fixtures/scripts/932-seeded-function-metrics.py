# Metric functions given to compile beside Keras' own: each returns one number per batch (sums
# over the whole batch of K.round / K.clip of products), which fit and evaluate average over the
# batches; one returns a value per sample instead. (evaluate's loss is left out: a categorical
# crossentropy trained for a few steps still drifts in its last digit.)
import numpy as np
import tensorflow as tf
from tensorflow.keras import backend as K


def hits(y_true, y_pred):
    return K.sum(K.round(K.clip(y_true * y_pred, 0, 1)))


def recall(y_true, y_pred):
    found = K.sum(K.round(K.clip(y_true * y_pred, 0, 1)))
    wanted = K.sum(K.round(K.clip(y_true, 0, 1)))
    return found / (wanted + K.epsilon())


def precision(y_true, y_pred):
    found = K.sum(K.round(K.clip(y_true * y_pred, 0, 1)))
    claimed = K.sum(K.round(K.clip(y_pred, 0, 1)))
    return found / (claimed + K.epsilon())


def f_score(y_true, y_pred):
    p = precision(y_true, y_pred)
    r = recall(y_true, y_pred)
    return 2 * ((p * r) / (p + r + K.epsilon()))


def squared_gap(y_true, y_pred):
    return K.mean(K.square(y_true - y_pred), axis=-1)


tf.keras.utils.set_random_seed(3)
x = np.linspace(0.0, 1.0, 60).reshape(20, 3).astype("float32")
y = tf.keras.utils.to_categorical(np.arange(20) % 3, 3)
model = tf.keras.Sequential(
    [
        tf.keras.Input(shape=(3,)),
        tf.keras.layers.Dense(8, activation="relu"),
        tf.keras.layers.Dense(3, activation="softmax"),
    ]
)
model.compile(
    optimizer=tf.keras.optimizers.Adam(0.05),
    loss="categorical_crossentropy",
    metrics=["acc", f_score, precision, recall, hits, squared_gap],
)
history = model.fit(x, y, epochs=3, batch_size=6, shuffle=False, verbose=0)
for name in sorted(history.history):
    print(name, history.history[name])
print(model.metrics_names)
print(model.evaluate(x, y, batch_size=8, verbose=0)[1:])
print(float(f_score(tf.constant([[1.0, 0.0], [0.0, 1.0]]), tf.constant([[0.9, 0.2], [0.4, 0.6]]))))
