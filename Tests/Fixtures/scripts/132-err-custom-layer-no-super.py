"""A custom layer that forgets super().__init__(): its attributes are set, its first call fails."""
from tensorflow import keras
from tensorflow.keras import layers


class Block(layers.Layer):
    def __init__(self, units):
        self.units = units
        self.dense = layers.Dense(units)

    def call(self, inputs):
        return self.dense(inputs)


block = Block(4)
print(block.units, block.dense.units)
outputs = block(keras.Input(shape=(3,)))
