# Sine and cosine features of a time value, as diffusion and transformer code builds them with
# keras.ops (eagerly and inside a Lambda), checked to the last printed digit.
import math
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops

angles = ops.linspace(-7.0, 7.0, 11)
print(ops.sin(angles))
print(ops.cos(angles))
print(ops.sin(np.array([0.5, 100.25, -3000.5, 40000.0], dtype="float32")))


def time_features(t):
    speeds = ops.exp(ops.linspace(math.log(1.0), math.log(500.0), 5))
    phases = 2.0 * math.pi * speeds * t
    return ops.concatenate([ops.sin(phases), ops.cos(phases)], axis=-1)


class Wave(layers.Layer):
    def call(self, inputs):
        return ops.sin(inputs) * ops.cos(inputs * 0.5)


steps = keras.Input(shape=(1,))
features = layers.Lambda(time_features)(steps)
waved = Wave()(features)
model = keras.Model(steps, [features, waved])
model.summary()
times = np.linspace(0.0, 1.0, 7, dtype="float32").reshape(7, 1)
plain, mixed = model.predict(times, verbose=0)
print(plain)
print(mixed[:, :4])
