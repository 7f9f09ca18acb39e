"""A subclassed keras.Model: layers in __init__, the forward pass in call(); summary after build."""
from tensorflow import keras
from tensorflow.keras import layers


class SmallNet(keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv = layers.Conv2D(8, 3, activation="relu")
        self.pool = layers.GlobalAveragePooling2D()
        self.classifier = layers.Dense(num_classes)

    def call(self, inputs):
        return self.classifier(self.pool(self.conv(inputs)))


model = SmallNet()
model.build((None, 28, 28, 1))
model.summary()
