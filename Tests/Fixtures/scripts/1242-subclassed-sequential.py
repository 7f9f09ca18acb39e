"""subclasses of keras.Sequential that only pass layers to it: `super().__init__([...], name=...)`,
`super().__init__()` then `self.add(...)`, or no `__init__` at all. Each instance is a Sequential
model classed as the subclass (its summary row, `type(...)`), named after the class unless given
a name, and used as a layer of another model."""
import numpy as np
import keras
from keras import layers


class ConvBlock(keras.Sequential):
    """Convolution, batch normalisation, activation."""

    def __init__(self, filters, name="conv_block"):
        super().__init__(
            [
                layers.Conv2D(filters, 3, padding="same", use_bias=False),
                layers.BatchNormalization(),
                layers.Activation("relu"),
            ],
            name=name,
        )


class SmallNet(keras.Sequential):
    def __init__(self, classes):
        super().__init__()
        self.add(keras.Input((16, 16, 3)))
        self.add(ConvBlock(8, name="block_1"))
        self.add(layers.MaxPooling2D())
        self.add(ConvBlock(16, name="block_2"))
        self.add(layers.GlobalAveragePooling2D())
        self.add(layers.Dense(classes, activation="softmax"))


class Head(keras.Sequential):
    pass


net = SmallNet(3)
print(type(net).__name__, net.name, isinstance(net, keras.Sequential), len(net.layers))
net.summary()
print(net.count_params())
head = Head([keras.Input((4,)), layers.Dense(2)])
print(type(head).__name__, head.name)
head.summary()
print(net.predict(np.zeros((2, 16, 16, 3)), verbose=0).shape)
