"""Custom layers (subclasses of keras.layers.Layer) made of sublayers and tensor operations, in a
functional model: a conv-BN-ReLU block, a residual block, a scaling layer; their Python
attributes read back through model.layers."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class ConvBNReLU(layers.Layer):
    def __init__(self, filters, kernel_size=3, **kwargs):
        super().__init__(**kwargs)
        self.filters = filters
        self.conv = layers.Conv2D(filters, kernel_size, padding="same", use_bias=False)
        self.bn = layers.BatchNormalization()

    def call(self, inputs, training=False):
        x = self.conv(inputs)
        x = self.bn(x, training=training)
        return tf.nn.relu(x)


class ResidualBlock(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.first = ConvBNReLU(filters)
        self.second = layers.Conv2D(filters, 3, padding="same")

    def call(self, inputs):
        x = self.first(inputs)
        x = self.second(x)
        return layers.add([x, inputs])


class Scale(layers.Layer):
    def __init__(self, factor, name=None):
        super().__init__(name=name)
        self.factor = factor

    def call(self, inputs):
        return inputs * self.factor


inputs = keras.Input(shape=(32, 32, 3))
x = ConvBNReLU(16)(inputs)
x = ResidualBlock(16, name="res1")(x)
x = ResidualBlock(16)(x)
x = Scale(0.5, name="half")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs, name="custom_blocks")
model.summary()
print([layer.name for layer in model.layers])
print(model.layers[2].first.filters, model.layers[4].factor, model.count_params())
print(isinstance(model.layers[1], ConvBNReLU), type(model.layers[2]).__name__)
