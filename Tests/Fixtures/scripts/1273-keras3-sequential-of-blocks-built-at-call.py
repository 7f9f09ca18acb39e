"""A subclassed network whose stage is a Sequential of subclassed residual units made without an
input shape; each unit hands `training` positionally to its own projection Sequential."""
import tensorflow as tf


class Unit(tf.keras.Model):
    def __init__(self, width, step):
        super().__init__()
        self.body = tf.keras.layers.Conv2D(width, 3, strides=step, padding="same")
        if step != 1:
            self.project = tf.keras.Sequential([tf.keras.layers.Conv2D(width, 1, strides=step)])
        else:
            self.project = lambda t, _: t

    def call(self, t, training=False):
        y = self.body(t)
        y += self.project(t, training)
        return tf.nn.relu(y)


class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.first = tf.keras.Sequential([Unit(3, 1), Unit(3, 1)])
        self.second = tf.keras.Sequential([Unit(6, 2), Unit(6, 1)])

    def call(self, t, training=False):
        t = self.first(t, training=training)
        return self.second(t, training=training)


net = Net()
out = net(tf.ones([2, 8, 8, 3]))
print(out.shape)
