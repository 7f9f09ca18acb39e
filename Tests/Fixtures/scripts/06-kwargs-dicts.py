from tensorflow import keras
from tensorflow.keras import layers

conv_args = {"kernel_size": 3, "padding": "same", "activation": "relu"}
dense_args = dict(activation="relu", use_bias=True)


def conv(filters, **overrides):
    options = dict(conv_args)
    options.update(overrides)
    return layers.Conv2D(filters, **options)


model = keras.Sequential([
    keras.Input(shape=(48, 48, 1)),
    conv(32),
    conv(32, strides=2),
    conv(64, kernel_size=5),
    layers.GlobalAveragePooling2D(),
    layers.Dense(32, **dense_args),
    layers.Dense(7, activation="softmax"),
])
model.summary()
print(conv_args)
