# A residual block written twice with a helper function: additions, a 1x1 projection on the
# shortcut, and the default names Keras gives the repeated layers.
from tensorflow import keras
from tensorflow.keras import layers


def residual(x, filters):
    shortcut = x
    y = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    if shortcut.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1)(shortcut)
    y = layers.add([y, shortcut])
    return layers.Activation("relu")(y)


inputs = keras.Input((24, 24, 8))
x = residual(inputs, 8)
x = residual(x, 16)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(3)(x)
resnetish = keras.Model(inputs, outputs)
resnetish.summary()
print([layer.name for layer in resnetish.layers])
