# A subclassed segmentation-style net named with capitals and digits, built with a keyword shape;
# its call passes `training` to Dropout positionally.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class SEG4Net(keras.Model):
    def __init__(self, classes=5, **kwargs):
        super().__init__(**kwargs)
        self.conv1 = layers.Conv2D(8, 3, padding="same", activation="relu")
        self.pool = layers.MaxPooling2D()
        self.drop = layers.Dropout(0.5)
        self.conv2 = layers.Conv2D(classes, 1)
        self.up = layers.UpSampling2D()

    def call(self, x, training=False):
        h = self.pool(self.conv1(x))
        h = self.drop(h, training)
        return self.up(self.conv2(h))


net = SEG4Net(classes=3)
net.build(input_shape=(None, 32, 32, 3))
net.summary()
