# A script's own Initializer subclass: Keras calls it once per weight while the layer builds,
# and the values it returns are the weights the forward pass starts from.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class ScaledOnes(keras.initializers.Initializer):
    def __init__(self, scale=0.5):
        self.scale = scale

    def __call__(self, shape, dtype=None):
        print("ScaledOnes", type(shape).__name__, tuple(shape), self.scale)
        return tf.ones(shape, dtype=dtype) * self.scale

    def get_config(self):
        return {"scale": self.scale}


class Ramp(keras.initializers.Initializer):
    def __call__(self, shape, dtype=None, **kwargs):
        size = int(np.prod(shape))
        print("Ramp", tuple(shape))
        return np.linspace(-1.0, 1.0, size).reshape(shape).astype("float32")


print("making the layers")
dense = layers.Dense(3, kernel_initializer=ScaledOnes(0.25), bias_initializer=Ramp())
conv = layers.Conv2D(2, 2, kernel_initializer=Ramp(), bias_initializer=ScaledOnes(0.1))
inputs = keras.Input(shape=(3, 3, 1))
print("calling conv")
x = conv(inputs)
x = layers.Flatten()(x)
print("calling dense")
outputs = dense(x)
model = keras.Model(inputs, outputs)
print("built")
data = np.arange(18, dtype="float32").reshape(2, 3, 3, 1) / 10.0
print(np.round(model.predict(data, verbose=0), 4))
print(np.round(dense.get_weights()[1], 4))
print(np.round(conv.kernel.numpy()[:, :, 0, 1], 4))

print("a Sequential model builds at its input shape")
small = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(2, kernel_initializer=ScaledOnes(2.0))])
later = keras.Sequential([layers.Dense(1, kernel_initializer=Ramp())])
print("not built yet")
later.build((None, 4))
print(later.layers[0].kernel.numpy().ravel())
print(small.predict(np.ones((1, 2)), verbose=0))
