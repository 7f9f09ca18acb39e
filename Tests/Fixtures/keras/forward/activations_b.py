# Forward-pass fixture activations_b: Activation layers: gelu swish softplus softsign hard_sigmoid exponential linear.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(6, activation='gelu'),
    layers.Dense(6),
    layers.Activation('swish'),
    layers.Dense(6, activation='softplus'),
    layers.Dense(6),
    layers.Activation('softsign'),
    layers.Dense(6),
    layers.Activation('hard_sigmoid'),
    layers.Dense(6),
    layers.Activation('exponential'),
    layers.Dense(6, activation='linear'),
], name='activations_b')
