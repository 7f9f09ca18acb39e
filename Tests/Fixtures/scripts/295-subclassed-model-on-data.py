# A subclassed model built by calling it on a NumPy batch, then summarized and called again
# with another batch size.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class TinyClassifier(keras.Model):
    def __init__(self, classes):
        super().__init__()
        self.hidden = keras.layers.Dense(12, activation="relu")
        self.drop = keras.layers.Dropout(0.2)
        self.head = keras.layers.Dense(classes)

    def call(self, inputs, training=None):
        x = self.hidden(inputs)
        x = self.drop(x, training=training)
        return self.head(x)


net = TinyClassifier(4)
batch = np.random.uniform(size=(3, 6))
out = net(batch)
print(type(out).__name__, out.shape, out.dtype)
net.summary()
print(net(tf.random.uniform((7, 6))).shape)
print(len(net.trainable_variables))
