# A radial-basis layer written with keras.backend functions and given input_dim= through
# **kwargs builds the Sequential model it starts, and its automatic config shows the keyword.
from tensorflow import keras
from tensorflow.keras import backend as K


class Radial(keras.layers.Layer):
    def __init__(self, centers, **kwargs):
        self.centers = centers
        super().__init__(**kwargs)

    def build(self, input_shape):
        self.mu = self.add_weight(
            name="mu", shape=(input_shape[1], self.centers), initializer="zeros")

    def call(self, inputs):
        diff = K.expand_dims(inputs) - self.mu
        return K.exp(-K.sum(diff ** 2, axis=1))


model = keras.Sequential()
model.add(Radial(5, input_dim=3))
model.add(keras.layers.Dense(1))
model.summary()
print(model.layers[0].get_config())

