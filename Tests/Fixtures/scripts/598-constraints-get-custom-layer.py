# A custom normalization layer that resolves its constraint arguments with
# keras.constraints.get, as transformer backbones' LayerNormalization copies do: None stays None,
# a name becomes the constraint object, an object comes back as it is.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


class Scale(layers.Layer):
    def __init__(self, gamma_constraint=None, beta_constraint=None, **kwargs):
        super().__init__(**kwargs)
        self.gamma_constraint = keras.constraints.get(gamma_constraint)
        self.beta_constraint = keras.constraints.get(beta_constraint)
        self.gamma_regularizer = keras.regularizers.get(None)

    def build(self, input_shape):
        self.gamma = self.add_weight(name="gamma", shape=(input_shape[-1],), initializer="ones",
                                     constraint=self.gamma_constraint)
        self.beta = self.add_weight(name="beta", shape=(input_shape[-1],), initializer="zeros",
                                    constraint=self.beta_constraint)
        super().build(input_shape)

    def call(self, inputs):
        return inputs * self.gamma + self.beta


print(keras.constraints.get(None))
print(type(keras.constraints.get("non_neg")).__name__, type(keras.constraints.get("MaxNorm")).__name__)
unit = keras.constraints.UnitNorm(axis=0)
print(type(keras.constraints.get(unit)).__name__)
inputs = keras.Input((6,))
x = Scale(gamma_constraint="non_neg", name="scale")(inputs)
x = Scale(beta_constraint=keras.constraints.MaxNorm(2.0), name="scale_2")(x)
model = keras.Model(inputs, x)
model.summary()
print(type(model.get_layer("scale").gamma_constraint).__name__, model.get_layer("scale").beta_constraint)
print(model.predict(np.arange(6, dtype="float32").reshape(1, 6), verbose=0))
