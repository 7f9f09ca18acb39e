# Feature map to a sequence of spatial tokens with keras.backend's shape functions inside Lambda
# layers, as older attention code does it, then back to a map for a 1x1 convolution.
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K


def to_tokens(t):
    shape = K.shape(t)
    return K.reshape(t, (shape[0], shape[1] * shape[2], shape[3]))


def to_map(args):
    tokens, reference = args
    shape = K.shape(reference)
    return K.reshape(tokens, (shape[0], shape[1], shape[2], K.int_shape(tokens)[-1]))


inputs = keras.Input(shape=(16, 16, 3))
fmap = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(inputs)
tokens = layers.Lambda(to_tokens, name="tokens")(fmap)
attended = layers.MultiHeadAttention(num_heads=4, key_dim=8)(tokens, tokens)
restored = layers.Lambda(to_map, name="restore")([attended, fmap])
x = layers.Conv2D(8, 1, activation="relu")(restored)
outputs = layers.Dense(2)(layers.GlobalAveragePooling2D()(x))
model = keras.Model(inputs, outputs)
model.summary()
