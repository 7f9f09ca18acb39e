# A Sequential model whose first layer is a custom block: built by its first call on data,
# then called with another batch size.
import tensorflow as tf


class Projection(tf.keras.layers.Layer):
    def __init__(self, width):
        super().__init__()
        self.proj = tf.keras.layers.Dense(width, activation="relu")

    def call(self, x):
        return self.proj(x)


net = tf.keras.Sequential([Projection(6), tf.keras.layers.Dense(2)])
print([layer.name for layer in net.layers])
print(net(tf.ones((3, 4))).shape)
net.summary()
print(net(tf.ones((5, 4))).shape)
net.summary()
