# A subclassed model holding a Sequential body, built by a call on data: the body's shapes are
# the ones Keras built for that batch.
import tensorflow as tf
class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.body = tf.keras.Sequential([tf.keras.layers.Dense(4), tf.keras.layers.Dense(3)])
        self.head = tf.keras.layers.Dense(2)
    def call(self, x):
        return self.head(self.body(x))
net = Net()
print(net(tf.ones((6, 5))).shape)
net.summary()
net.body.summary()
