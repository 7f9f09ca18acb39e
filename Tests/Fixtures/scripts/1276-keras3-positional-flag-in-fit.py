"""fit() of a subclassed model whose call() hands `training` to Dropout positionally: tf-keras
trains; Keras 3's trace of the step refuses the flag (the step's tensors have no batch size)."""
import numpy as np
import tensorflow as tf


class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(3)
        self.drop = tf.keras.layers.Dropout(0.5)

    def call(self, x, training=None):
        return self.drop(self.dense(x), training)


net = Net()
net.compile("sgd", "mse")
net.fit(np.ones((8, 4)), np.ones((8, 3)), epochs=1, verbose=0)
print(len(net.weights))
