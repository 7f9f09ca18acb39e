# Layer names made of a prefix and a slash ("block1/conv"), given to a custom layer's
# Layer.__init__: tf-keras keeps the name; Keras 3 refuses it in Operation.__init__, before the
# custom layer's own __init__ goes on (so its DepthwiseConv2D, given a keyword Keras 3's does not
# take, is never made).
import tensorflow as tf
from tensorflow.keras import layers


class Block(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.depthwise = layers.DepthwiseConv2D(
            3, padding="same", kernel_regularizer=tf.keras.regularizers.l2(1e-4))
        self.dense = layers.Dense(units)

    def call(self, x):
        return self.dense(self.depthwise(x))


inputs = tf.keras.Input(shape=(6, 6, 2))
first = Block(3, name="stage1/block")
print(first.name)
outputs = first(inputs)
model = tf.keras.Model(inputs, outputs)
model.summary()
