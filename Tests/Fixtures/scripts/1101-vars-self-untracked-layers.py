# Layers stored with vars(self)[name] go into the object's __dict__ past Keras' __setattr__:
# call() finds them there, but Keras does not track them, so they are none of the block's layers.
# Reading a key that is not there raises a KeyError, which Keras wraps with the call's arguments.
import tensorflow as tf


class Block(tf.keras.Model):
    def __init__(self, filters, repetitions):
        super().__init__()
        self.repetitions = repetitions
        for i in range(repetitions):
            vars(self)[f"conv_{i}"] = tf.keras.layers.Conv2D(filters, 3, padding="same")
        self.pool = tf.keras.layers.MaxPooling2D()

    def call(self, inputs):
        x = vars(self)["conv_0"](inputs)
        for i in range(1, self.repetitions):
            x = vars(self)[f"conv_{i}"](x)
        return self.pool(x)


block = Block(4, 2)
print(block(tf.zeros((1, 8, 8, 3))).shape)
print([type(layer).__name__ for layer in block.layers])
print(type(block.conv_1).__name__, vars(block)["conv_1"] is block.conv_1)


class Typo(Block):
    def call(self, inputs):
        return vars(self)["conv_{i}"](inputs)


try:
    Typo(2, 1)(tf.zeros((1, 4, 4, 1)))
except KeyError as error:
    print(repr(error.args[0]))
