# A custom layer tracking sublayers through self.__setattr__(name, layer), as keras-tcn's
# residual blocks do, used in a functional model.
from tensorflow import keras
from tensorflow.keras import layers


class Block(layers.Layer):
    def __init__(self, width, **kwargs):
        super().__init__(**kwargs)
        self.width = width
        self.parts = [layers.Dense(width, activation="relu"), layers.Dense(width)]
        for index, part in enumerate(self.parts):
            self.__setattr__("part_{}".format(index), part)

    def call(self, inputs):
        x = inputs
        for part in self.parts:
            x = part(x)
        return x + inputs


inputs = keras.Input((6,))
outputs = Block(6)(Block(6)(inputs))
model = keras.Model(inputs, outputs)
model.summary()
print(len(model.weights))
