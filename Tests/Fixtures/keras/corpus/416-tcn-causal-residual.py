# Temporal convolutional network: causal dilated Conv1D residual blocks.
from tensorflow import keras
from tensorflow.keras import layers


def residual_block(x, dilation_rate, nb_filters, kernel_size, dropout_rate=0.1):
    prev_x = x
    for k in range(2):
        x = layers.Conv1D(filters=nb_filters, kernel_size=kernel_size, dilation_rate=dilation_rate,
                          padding="causal", kernel_initializer="he_normal")(x)
        x = layers.BatchNormalization()(x)
        x = layers.Activation("relu")(x)
        x = layers.SpatialDropout1D(rate=dropout_rate)(x)
    if prev_x.shape[-1] != nb_filters:
        prev_x = layers.Conv1D(nb_filters, 1, padding="same")(prev_x)
    res = layers.add([prev_x, x])
    return layers.Activation("relu")(res), x


inputs = keras.Input(shape=(None, 4))
x = inputs
skip_connections = []
for d in [1, 2, 4, 8]:
    x, skip = residual_block(x, d, nb_filters=32, kernel_size=3)
    skip_connections.append(skip)
x = layers.add(skip_connections)
x = layers.Lambda(lambda t: t[:, -1, :])(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs=[inputs], outputs=[outputs], name="tcn")
model.summary()
