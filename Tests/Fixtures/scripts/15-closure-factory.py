from tensorflow import keras
from tensorflow.keras import layers


def make_conv_factory(kernel_size, activation="relu"):
    created = []

    def factory(filters):
        layer = layers.Conv2D(filters, kernel_size, activation=activation, padding="same")
        created.append(layer.name)
        return layer

    return factory, created


conv3, names = make_conv_factory(3)
model = keras.Sequential([keras.Input(shape=(28, 28, 3)), conv3(8), conv3(16), layers.GlobalAveragePooling2D()])
print(names)
model.summary()
