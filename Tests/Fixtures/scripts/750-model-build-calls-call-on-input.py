# A subclassed model whose own build() runs super().build() and then its call() on keras.Input:
# the layers that call reaches show their shapes in the summary (a block returning two tensors
# shows both), in both Kerases.
from tensorflow import keras
from tensorflow.keras import layers


class Encode(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.norm = layers.BatchNormalization()
        self.conv = layers.Conv2D(filters, 3, padding="same", activation="relu")
        self.down = layers.MaxPooling2D()

    def call(self, inputs):
        features = self.conv(self.norm(inputs))
        return self.down(features), features


class Decode(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.up = layers.UpSampling2D()
        self.join = layers.Concatenate()
        self.conv = layers.Conv2D(filters, 3, padding="same")

    def call(self, inputs):
        low, skip = inputs
        return self.conv(self.join([self.up(low), skip]))


class TinyUNet(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.encoders = [Encode(4), Encode(8)]
        self.middle = layers.Conv2D(8, 1)
        self.decoders = [Decode(8), Decode(4)]
        self.head = layers.Conv2D(1, 1, activation="sigmoid")

    def call(self, inputs):
        x = inputs
        skips = []
        for block in self.encoders:
            x, skip = block(x)
            skips.append(skip)
        x = self.middle(x)
        for block in self.decoders:
            x = block([x, skips.pop()])
        return self.head(x)

    def build(self, input_shape):
        super().build(input_shape)
        self.call(keras.Input(input_shape[1:]))


net = TinyUNet()
net.build((None, 16, 16, 3))
net.summary()


class OnlySuper(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.first = layers.Dense(6, activation="relu")
        self.second = layers.Dense(2)

    def call(self, inputs):
        return self.second(self.first(inputs))

    def build(self, input_shape):
        super().build(input_shape)


plain = OnlySuper()
plain.build((None, 5))
plain.summary()
