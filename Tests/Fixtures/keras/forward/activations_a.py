# Forward-pass fixture activations_a: Activation layers: relu sigmoid tanh softmax elu selu (Dense in between).
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(6),
    layers.Activation('relu'),
    layers.Dense(6, activation='sigmoid'),
    layers.Dense(6),
    layers.Activation('tanh'),
    layers.Dense(6),
    layers.Activation('softmax'),
    layers.Dense(6, activation='elu'),
    layers.Dense(6),
    layers.Activation('selu'),
], name='activations_a')
