"""A loss function taking one argument: Keras names the first epoch, then calls the loss with
(y_true, y_pred) as it traces the step, and Python's TypeError stops fit."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


def mean_prediction(y_pred):
    return tf.reduce_mean(y_pred)


model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss=mean_prediction)
model.fit(np.ones((4, 2)), np.zeros((4, 1)), epochs=3)
