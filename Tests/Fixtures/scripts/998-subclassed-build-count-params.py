# model.build(shape) on a subclassed model without a build() of its own: tf-keras traces call()
# on placeholders, so every layer is built; Keras 3 only marks the model built, and count_params()
# adds up the weights its layers already have (the stem, made with an Input).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class TwoStage(keras.Model):
    def __init__(self):
        super().__init__()
        self.stem = keras.Sequential([layers.Input((6,)), layers.Dense(4, activation="relu")])
        self.head = layers.Dense(3)

    def call(self, inputs):
        return self.head(self.stem(inputs))


net = TwoStage()
net.build((None, 6))
print("after build:", net.count_params())
net(tf.ones((2, 6)))
print("after a call:", net.count_params())
