# Sequential blocks of custom layers made before any input shape is known, put in an outer
# Sequential that has no input shape either, then walked layer by layer on a tensor (the way the
# Chinese "Dive into Deep Learning" builds GoogLeNet); the outer model is called at the end.
import tensorflow as tf


class TwoPaths(tf.keras.layers.Layer):
    def __init__(self, left, right):
        super().__init__()
        self.left = tf.keras.layers.Conv2D(left, kernel_size=1, padding='same', activation='relu')
        self.right = tf.keras.layers.Conv2D(right, kernel_size=3, padding='same', activation='relu')

    def call(self, x):
        return tf.concat([self.left(x), self.right(x)], axis=-1)


stem = tf.keras.models.Sequential()
stem.add(tf.keras.layers.Conv2D(8, kernel_size=3, strides=2, padding='same', activation='relu'))
stem.add(tf.keras.layers.MaxPool2D(pool_size=2))

middle = tf.keras.models.Sequential()
middle.add(TwoPaths(4, 6))
middle.add(TwoPaths(5, 3))
middle.add(tf.keras.layers.MaxPool2D(pool_size=2, padding='same'))

top = tf.keras.models.Sequential()
top.add(TwoPaths(2, 2))
top.add(tf.keras.layers.GlobalAvgPool2D())

net = tf.keras.models.Sequential([stem, middle, top, tf.keras.layers.Dense(3)])
print([layer.name for layer in net.layers])

X = tf.zeros((2, 32, 32, 1))
for layer in net.layers:
    X = layer(X)
    print(layer.name, 'output shape:\t', X.shape)

middle.summary()
print(net(tf.zeros((1, 32, 32, 1))).shape)
