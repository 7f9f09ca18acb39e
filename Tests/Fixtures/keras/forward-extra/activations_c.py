# Forward-pass fixture activations_c: relu6, leaky_relu, mish, exponential-free extras and Rescaling.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Rescaling(0.5, offset=-0.25),
    layers.Dense(6, activation='relu6'),
    layers.Dense(6, activation='leaky_relu'),
    layers.Dense(6, activation='mish'),
    layers.Dense(6, activation='log_softmax'),
    layers.Dense(6, activation='silu'),
    layers.GaussianNoise(0.3),
    layers.ActivityRegularization(l1=0.1),
], name='activations_c')
