# Layers a custom layer calls inside its call() get no nodes of their own in Keras (the call
# runs in a scratch graph): their output / output_shape are refused until called directly.
from tensorflow import keras
from tensorflow.keras import layers


class Split(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.mix = layers.Dense(4)
        self.gate = layers.Dense(4, activation="sigmoid")

    def call(self, inputs):
        mixed = self.mix(inputs)
        return mixed * self.gate(mixed), mixed


block = Split()
source = keras.Input((6,))
first, second = block(source)
print(type(block(source)).__name__)
for attribute in ("output", "output_shape", "input"):
    try:
        value = getattr(block.mix, attribute)
        print(attribute, "ok")
    except AttributeError as error:
        print(attribute, "AttributeError:", error)
direct = block.mix(source)
print(direct.shape, block.mix.output.shape)
print(keras.Model(source, [first, second]).output_shape)
