import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers


def squeeze_excite(x, ratio=4):
    channels = x.shape[-1]
    s = layers.GlobalAveragePooling2D()(x)
    s = layers.Dense(channels // ratio, activation="relu")(s)
    s = layers.Dense(channels, activation="sigmoid")(s)
    s = layers.Reshape((1, 1, channels))(s)
    return layers.Multiply()([x, s])


inputs = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(8, 3, padding="same")(inputs)
x = squeeze_excite(x)
print(x.shape, K.int_shape(x), x.shape[1:], len(x.shape))
print(list(x.shape), tuple(x.shape)[1:], int(x.shape[1]) * int(x.shape[2]))
h, w, c = x.shape[1:]
x = layers.Reshape((h * w, c))(x)
print(x.shape == (None, 256, 8), x.shape[-1] == 8)
outputs = layers.Dense(2)(layers.Flatten()(x))
model = keras.Model(inputs, outputs)
print(model.input_shape, model.output_shape)
print([w.shape for w in model.layers[1].weights])
print(model.layers[1].kernel.shape[-1])
