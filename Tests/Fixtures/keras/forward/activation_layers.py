# Forward-pass fixture activation_layers: LeakyReLU, ELU, ReLU (max_value, negative_slope, threshold) and Softmax layers.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 8)),
    layers.Dense(8),
    layers.LeakyReLU(),
    layers.Dense(8),
    layers.LeakyReLU(alpha=0.2),
    layers.Dense(8),
    layers.ELU(),
    layers.Dense(8),
    layers.ELU(alpha=0.7),
    layers.Dense(8),
    layers.ReLU(),
    layers.Dense(8),
    layers.ReLU(max_value=1.0),
    layers.Dense(8),
    layers.ReLU(max_value=2.0, negative_slope=0.1, threshold=0.3),
    layers.Dense(8),
    layers.ReLU(negative_slope=0.2),
    layers.Dense(8),
    layers.Softmax(),
    layers.Dense(8),
    layers.Softmax(axis=1),
], name='activation_layers')
