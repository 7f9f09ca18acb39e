# A subclassed model that flattens with tf.reshape(x, (x.shape[0], -1)), built with model.build
# on an unknown batch size, where the batch axis is None.
import tensorflow as tf


class Flat(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = tf.keras.layers.Conv2D(4, 3)
        self.fc = tf.keras.layers.Dense(2)

    def call(self, x, training=None):
        out = self.conv(x)
        out = tf.reshape(out, (out.shape[0], -1))
        return self.fc(out)


model = Flat()
model.build(input_shape=(None, 8, 8, 1))
print(len(model.layers))
