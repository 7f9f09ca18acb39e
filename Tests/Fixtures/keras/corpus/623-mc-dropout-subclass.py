# Monte Carlo dropout: a Dropout subclass that stays on at inference, swapped into a copy.
from tensorflow import keras


class AlwaysDropout(keras.layers.Dropout):
    def call(self, inputs, training=None):
        return super().call(inputs, training=True)


base = keras.Sequential([
    keras.layers.Input(shape=(20,)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dropout(0.25),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dropout(0.25),
    keras.layers.Dense(1),
])
mc = keras.Sequential(
    [keras.layers.Input(shape=(20,))]
    + [
        AlwaysDropout(layer.rate) if isinstance(layer, keras.layers.Dropout) else layer
        for layer in base.layers
    ]
)
mc.summary()
