# Forward-pass fixture prelu: PReLU with an alpha per value, shared over the spatial axes, and after Dense.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 6, 3)),
    layers.Conv2D(4, 3, padding='same'),
    layers.PReLU(),
    layers.Conv2D(4, 3),
    layers.PReLU(shared_axes=[1, 2]),
    layers.Flatten(),
    layers.Dense(5),
    layers.PReLU(),
], name='prelu')
