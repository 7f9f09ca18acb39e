"""Subclasses of keras.Model given their graph: one without __init__ made with (inputs, outputs),
one whose __init__ builds layers and passes inputs= and outputs= to super().__init__; their
summaries, names, layers and a method of the subclass called on the model."""
from tensorflow import keras
from tensorflow.keras import layers


class Refiner(keras.Model):
    def describe(self):
        return f"{self.name} with {len(self.layers)} layers"


def build(width):
    inputs = keras.Input(shape=(8, 8, 3))
    x = layers.Conv2D(width, 3, padding="same", activation="relu")(inputs)
    x = layers.Conv2D(3, 3, padding="same")(x)
    outputs = layers.Add()([inputs, x])
    return Refiner(inputs, outputs)


model = build(4)
model.summary()
print(model.name, model.describe(), model.count_params())


class TwoHeads(keras.Model):
    def __init__(self, classes, **kwargs):
        inputs = keras.Input(shape=(10,))
        hidden = layers.Dense(16, activation="relu")(inputs)
        outputs = [layers.Dense(classes, activation="softmax")(hidden), layers.Dense(1)(hidden)]
        super().__init__(inputs=inputs, outputs=outputs, **kwargs)
        self.classes = classes


heads = TwoHeads(3, name="heads")
print(heads.name, heads.classes, [layer.name for layer in heads.layers])
print([tuple(o.shape) for o in heads.outputs])
heads.compile(optimizer="adam", loss=["sparse_categorical_crossentropy", "mse"])
second = TwoHeads(5)
print(second.name, second.count_params())
