"""A custom layer whose call() reads an attribute its module lacks, called while a model is built:
tf-keras quotes the line of call() inside its wrapped error, Keras 3 names the failed inference."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class HalfSize(layers.Layer):
    def __init__(self, factor=2, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, frames):
        size = tf.shape(frames)
        return tf.nn.shrink_by(frames, size)


def build(shape):
    clips = keras.Input(shape)
    return keras.Model(clips, HalfSize(name="half")(clips))


try:
    build((6, 6, 3))
except AttributeError as error:
    print(type(error).__name__)
model = build((4, 4, 2))
