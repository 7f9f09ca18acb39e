"""A custom layer in keras.Sequential, after keras.Input, and the same layer class used twice."""
from tensorflow import keras
from tensorflow.keras import layers


class DenseBlock(layers.Layer):
    def __init__(self, units, rate=0.2, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.dense = layers.Dense(units, activation="relu")
        self.dropout = layers.Dropout(rate)

    def call(self, inputs, training=None):
        return self.dropout(self.dense(inputs), training=training)


model = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        DenseBlock(64),
        DenseBlock(32, name="narrow"),
        layers.Dense(1, activation="sigmoid"),
    ],
    name="mlp",
)
model.summary()
model.add(DenseBlock(8))
print(len(model.layers), model.layers[-1].name, model.output_shape)
