"""Flags handed to Keras calls positionally (`self.norm(x, training)`, YunYang's ResNet blocks):
tf-keras binds them to call()'s `training`; Keras 3 takes only tensors (or None) that way in its
layers and Sequential models, and a functional model then gets `training` twice."""
import tensorflow as tf

x = tf.ones([2, 4])


class Head(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(3)
        self.norm = tf.keras.layers.BatchNormalization()
        self.drop = tf.keras.layers.Dropout(0.25)

    def call(self, inputs, training=False):
        y = self.norm(self.dense(inputs), training)
        return self.drop(y, training)


for flag in [True, False, 1, 0.0, None]:
    try:
        print(flag, "->", Head()(x, training=flag).shape)
    except ValueError as error:
        print(flag, "->", type(error).__name__, str(error).splitlines()[2])

inputs = tf.keras.Input((4,))
functional = tf.keras.Model(inputs, tf.keras.layers.Dense(2)(inputs))
stack = tf.keras.Sequential([tf.keras.layers.Dense(2)])
for label, model in [("functional", functional), ("sequential", stack)]:
    for flag in [None, False]:
        try:
            print(label, flag, "->", model(x, flag).shape)
        except (TypeError, ValueError) as error:
            print(label, flag, "->", type(error).__name__, error)


class Tower(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = tf.keras.layers.Conv2D(2, 1)
        self.norm = tf.keras.layers.BatchNormalization()

    def call(self, images, training=False):
        return self.norm(self.conv(images), training)


print(Tower()(tf.ones([1, 3, 3, 2]), training=True).shape)
