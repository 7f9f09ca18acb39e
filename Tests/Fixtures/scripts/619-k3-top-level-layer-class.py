# Keras 3's top-level keras.Layer (the class keras.layers.Layer is) as the base of custom layers,
# with their initializers looked up by the short names Keras also accepts ("uniform", "zero").
import numpy as np
from tensorflow import keras

Layer = keras.Layer
ops = keras.ops


class ScaledDense(Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.kernel_init = keras.initializers.get("uniform")
        self.bias_init = keras.initializers.get("zero")

    def build(self, input_shape):
        self.w = self.add_weight(
            shape=(input_shape[-1], self.units), initializer=self.kernel_init, name="w"
        )
        self.b = self.add_weight(shape=(self.units,), initializer=self.bias_init, name="b")

    def call(self, x):
        return ops.matmul(x, self.w) * 0.5 + self.b


class Shift(keras.Layer):
    def call(self, x):
        return x + 1.0


for name in ["uniform", "normal", "one", "zero"]:
    print(name, type(keras.initializers.get(name)).__name__)
inputs = keras.Input((4,))
outputs = Shift()(ScaledDense(3)(inputs))
model = keras.Model(inputs, outputs)
model.summary()
print(keras.Layer is keras.layers.Layer, isinstance(model.layers[1], keras.Layer))
print(model.predict(np.zeros((2, 4)), verbose=0))
