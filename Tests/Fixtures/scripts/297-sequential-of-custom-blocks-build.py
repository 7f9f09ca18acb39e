# Custom residual blocks added to Sequential stages before any input shape, built by
# model.build() on a subclassed model that holds the stages.
import tensorflow as tf


class Residual(tf.keras.layers.Layer):
    def __init__(self, filters, stride=1):
        super().__init__()
        self.conv_a = tf.keras.layers.Conv2D(filters, 3, strides=stride, padding="same")
        self.conv_b = tf.keras.layers.Conv2D(filters, 3, padding="same")
        if stride != 1:
            self.skip = tf.keras.Sequential()
            self.skip.add(tf.keras.layers.Conv2D(filters, 1, strides=stride))
        else:
            self.skip = lambda t: t

    def call(self, inputs, training=None, **kwargs):
        shortcut = self.skip(inputs)
        x = tf.nn.relu(self.conv_a(inputs))
        x = self.conv_b(x)
        return tf.nn.relu(tf.keras.layers.add([shortcut, x]))


def stage(filters, blocks, stride):
    seq = tf.keras.Sequential()
    seq.add(Residual(filters, stride=stride))
    for _ in range(1, blocks):
        seq.add(Residual(filters))
    return seq


class SmallResNet(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.stem = tf.keras.layers.Conv2D(8, 3, padding="same")
        self.stage1 = stage(8, 2, 1)
        self.stage2 = stage(16, 1, 2)
        self.pool = tf.keras.layers.GlobalAveragePooling2D()
        self.fc = tf.keras.layers.Dense(3)

    def call(self, inputs, training=None, mask=None):
        x = self.stem(inputs)
        x = self.stage1(x, training=training)
        x = self.stage2(x, training=training)
        return self.fc(self.pool(x))


model = SmallResNet()
model.build(input_shape=(None, 16, 16, 3))
model.summary()
