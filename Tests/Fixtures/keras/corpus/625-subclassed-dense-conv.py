# Built-in layers subclassed to add a setting to their config, used in a functional model.
from tensorflow import keras


class TaggedConv(keras.layers.Conv2D):
    def __init__(self, filters, kernel_size, tag="", **kwargs):
        super().__init__(filters, kernel_size, **kwargs)
        self.tag = tag

    def get_config(self):
        config = super().get_config()
        config["tag"] = self.tag
        return config


class TaggedDense(keras.layers.Dense):
    pass


inputs = keras.Input(shape=(28, 28, 1))
x = TaggedConv(8, 3, tag="stem", activation="relu")(inputs)
x = TaggedConv(16, 3, strides=2, tag="down")(x)
x = keras.layers.Flatten()(x)
outputs = TaggedDense(10)(x)
model = keras.Model(inputs, outputs)
model.summary()
