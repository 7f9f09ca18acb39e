"""A keras.losses.Loss subclass (call, get_config, a setting of its own) given to compile trains
as the same loss written as a function; both histories are printed."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class ScaledSquare(keras.losses.Loss):
    def __init__(self, scale=0.5, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale

    def call(self, y_true, y_pred):
        return tf.reduce_mean(tf.square(y_true - y_pred), axis=-1) * self.scale

    def get_config(self):
        return {**super().get_config(), "scale": self.scale}


def scaled_square(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true - y_pred), axis=-1) * 0.5


x = np.array([[1.0, -1.0, 0.5], [0.0, 2.0, -1.0], [1.5, 0.5, 0.0],
              [-1.0, 0.0, 1.0], [2.0, -0.5, 0.5], [0.5, 1.0, -1.5]], dtype="float32")
y = np.array([[0.5, 0.25], [0.25, 0.0], [0.5, 0.375], [0.0, -0.25], [0.5, 0.5], [0.0, 0.125]],
             dtype="float32")
for loss in [ScaledSquare(name="scaled"), scaled_square]:
    model = keras.Sequential([
        keras.Input((3,)),
        keras.layers.Dense(2, kernel_initializer="ones", bias_initializer="zeros"),
    ])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss=loss, metrics=["mae"])
    history = model.fit(x, y, epochs=3, batch_size=3, shuffle=False, verbose=0)
    print([round(v, 5) for v in history.history["loss"]], round(history.history["mae"][-1], 5))
print(ScaledSquare(2.0).get_config()["scale"])
