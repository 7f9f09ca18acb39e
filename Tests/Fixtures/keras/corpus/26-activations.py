# Activation functions as layers and as strings.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(64,)),
    layers.Dense(64, activation='relu'),
    layers.Activation('tanh'),
    layers.Activation('sigmoid'),
    layers.Activation(keras.activations.swish),
    layers.ReLU(),
    layers.ReLU(max_value=6.0),
    layers.ReLU(negative_slope=0.1, threshold=0.5),
    layers.LeakyReLU(alpha=0.2),
    layers.LeakyReLU(),
    layers.ELU(),
    layers.ELU(alpha=0.5),
    layers.Dense(10),
    layers.Softmax(),
    layers.Softmax(axis=-1, name='probabilities'),
    layers.Activation('linear'),
])
model.summary()
print(len(model.layers))
print(model.layers[4].name, model.layers[7].name)
