# A subclassed model that wraps two functional models (one with three outputs) and is called
# once on data: Keras 3's summary shows the wrapped models with the shapes they were built
# with, and a layer inside reads its weight with ops.convert_to_tensor.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


class Offset(layers.Layer):
    def build(self, input_shape):
        self.offset = self.add_weight(shape=(input_shape[-1],), initializer="zeros", name="offset")

    def call(self, inputs):
        return inputs + keras.ops.convert_to_tensor(self.offset)


source = keras.Input((6,))
hidden = layers.Dense(5, activation="relu")(source)
mean = layers.Dense(2, name="mean")(hidden)
spread = layers.Dense(2, name="spread")(hidden)
picked = layers.Add(name="picked")([mean, spread])
encoder = keras.Model(source, [mean, spread, picked], name="encoder")

code = keras.Input((2,))
decoder = keras.Model(code, Offset(name="offset")(layers.Dense(6)(code)), name="decoder")


class Pair(keras.Model):
    def __init__(self, encoder, decoder, **kwargs):
        super().__init__(**kwargs)
        self.encoder = encoder
        self.decoder = decoder

    def call(self, inputs):
        _, _, picked = self.encoder(inputs)
        return self.decoder(picked)


pair = Pair(encoder, decoder, name="pair")
print(pair(np.zeros((3, 6), dtype="float32")).shape)
pair.summary()
