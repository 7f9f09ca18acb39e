# The order of a custom layer's weights: its own add_weight variables first, then the layers
# it holds in the order they were assigned (a held custom layer walked the same way). tf-keras
# lists all trainable weights first, Keras 3 each layer's weights as it meets them.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


class Gate(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.norm = layers.BatchNormalization()

    def build(self, input_shape):
        self.mix = self.add_weight(name="mix", shape=(input_shape[-1],), initializer="ones")

    def call(self, x):
        return self.norm(x) * self.mix


class Block(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.gate = Gate()
        self.proj = layers.Dense(3)

    def build(self, input_shape):
        self.shift = self.add_weight(name="shift", shape=(3,), initializer="zeros", trainable=False)
        self.gain = self.add_weight(name="gain", shape=(3,), initializer="ones")

    def call(self, x):
        return self.gate(self.proj(x)) * self.gain + self.shift


inputs = keras.Input((4,))
block = Block(name="block")
model = keras.Model(inputs, layers.Dense(1)(block(inputs)))
print([w.name for w in block.weights])
print([w.name for w in block.trainable_weights])
print([w.name for w in block.non_trainable_weights])
print([w.name for w in model.weights])
print([w.shape for w in model.get_weights()])
print([w.shape for w in block.get_weights()])
