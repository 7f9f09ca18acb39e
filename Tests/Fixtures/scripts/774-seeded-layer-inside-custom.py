# With a global seed, a Dense made in a custom layer's __init__ draws its initial weights as
# it would in a plain model: the custom layer's prediction is Keras' own.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(11)


class Doubled(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.inner = layers.Dense(3)

    def call(self, x):
        return self.inner(x) * 2.0


inputs = keras.Input((2,))
outputs = layers.Dense(2)(Doubled()(inputs))
model = keras.Model(inputs, outputs)
print(np.round(model.predict(np.array([[1.0, -0.5], [0.25, 2.0]]), verbose=0), 4))
print(np.round(model.layers[1].get_weights()[0], 4))
