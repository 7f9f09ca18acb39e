import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K


# Activations written as functions of the script.
def capped_relu(x):
    return K.relu(x, max_value=6)


def self_gated(x):
    return x * K.sigmoid(x)


def mish(x):
    return x * K.tanh(K.softplus(x))


# A loss and two metrics written with keras.backend.
def soft_dice(y_true, y_pred, smooth=1.0):
    t = K.flatten(y_true)
    p = K.flatten(y_pred)
    overlap = K.sum(t * p)
    return (2.0 * overlap + smooth) / (K.sum(t) + K.sum(p) + smooth)


def soft_dice_loss(y_true, y_pred):
    return 1.0 - soft_dice(y_true, y_pred)


def root_mse(y_true, y_pred):
    return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))


grid = np.arange(40 * 6).reshape(40, 6)
x = ((grid * 7) % 13 - 6).astype("float32") / 4.0
y = (x[:, :2] + x[:, 2:4] > 0).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(5, activation=capped_relu, kernel_initializer=keras.initializers.Constant(0.3)),
    layers.Dense(4, activation=self_gated, kernel_initializer=keras.initializers.Constant(-0.2), bias_initializer=keras.initializers.Constant(0.1)),
    layers.Activation(mish),
    layers.Dense(2, activation="sigmoid", kernel_initializer=keras.initializers.Constant(0.25)),
])
print([layer.activation.__name__ for layer in model.layers])
print(model.layers[2].get_config()["activation"])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.2), loss=soft_dice_loss, metrics=[soft_dice, root_mse, "accuracy"])
history = model.fit(x, y, epochs=3, batch_size=16, shuffle=False, verbose=2)
print(sorted(history.history))
print([round(v, 4) for v in history.history["soft_dice"]])
print([round(v, 4) for v in history.history["root_mse"]])
print([round(v, 4) for v in model.evaluate(x, y, verbose=0)])
print(np.round(model.predict(x[:2], verbose=0), 4))

