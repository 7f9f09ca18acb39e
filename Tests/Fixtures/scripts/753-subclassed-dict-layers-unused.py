# A subclassed model keeping layers in a dict (tf-keras lists them by sorted key) and one layer
# its call never reaches (tf-keras: "0 (unused)"); flags given as strings are Python truth values.
from tensorflow import keras
from tensorflow.keras import layers


class Gate(layers.Layer):
    def call(self, inputs):
        return inputs * 2.0


class Branches(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.stem = layers.Dense(6, activation="relu", use_bias="no")
        self.branches = {"right": layers.Dense(2), "left": layers.Dense(3), "spare": layers.Dense(4)}
        self.idle = Gate()
        self.pool = layers.Dropout(0.1)

    def call(self, inputs):
        x = self.stem(inputs)
        return self.branches["right"](x), self.branches["left"](x)


model = Branches()
model.build((None, 5))
model.summary()
print([layer.name for layer in model.layers])
model(keras.Input((5,)))
print(len(model.weights), len(model.trainable_weights))

inputs = keras.Input((8, 8, 3))
x = layers.Conv2D(4, 3, use_bias="False")(inputs)
x = layers.Conv2D(4, 1, use_bias="")(x)
keras.Model(inputs, x).summary()
