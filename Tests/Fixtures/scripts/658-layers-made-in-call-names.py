# Custom layers whose call() makes layers (pooling, merges) and which hold layers not built yet:
# Keras 3 runs such a call() twice at the first call (once to build what the layer holds), so the
# layers it makes take two names each; a layer with its own build() runs call() once.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class SqueezeGate(layers.Layer):
    def __init__(self, channels, **kwargs):
        super().__init__(**kwargs)
        self.squeeze = layers.Dense(channels // 2, activation="relu")
        self.excite = layers.Dense(channels, activation="sigmoid")

    def call(self, inputs):
        pooled = layers.GlobalAveragePooling2D()(inputs)
        gate = self.excite(self.squeeze(pooled))
        return layers.Multiply()([inputs, layers.Reshape((1, 1, -1))(gate)])


class GatedBlock(layers.Layer):
    def __init__(self, channels, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv2D(channels, 3, padding="same")
        self.gate = SqueezeGate(channels)

    def call(self, inputs):
        return layers.add([self.gate(self.conv(inputs)), inputs])


class BuiltGate(layers.Layer):
    def build(self, input_shape):
        self.project = layers.Dense(input_shape[-1], activation="sigmoid")

    def call(self, inputs):
        pooled = layers.GlobalMaxPooling2D()(inputs)
        return layers.Multiply()([inputs, layers.Reshape((1, 1, -1))(self.project(pooled))])


inputs = keras.Input((8, 8, 4))
x = GatedBlock(4)(inputs)
x = BuiltGate()(x)
x = GatedBlock(4)(x)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.2)(x)
outputs = layers.Dense(2)(layers.add([x, x]))
model = keras.Model(inputs, outputs)
model.summary()
print([layer.name for layer in model.layers])
print(layers.Reshape((2, 2)).name, layers.Multiply().name, layers.Dense(1).name)
print(model.predict(np.ones((1, 8, 8, 4)), verbose=0).shape)
