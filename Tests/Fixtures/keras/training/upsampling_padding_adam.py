# Training fixture upsampling_padding_adam: UpSampling1D/2D (nearest), ZeroPadding2D, Cropping2D, Cropping1D and ZeroPadding1D in an autoencoder-like chain, Adam, mse.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 6, 2)),
    layers.Conv2D(4, 3, activation='relu'),
    layers.UpSampling2D((2, 3)),
    layers.ZeroPadding2D(((1, 0), (2, 1))),
    layers.Conv2D(3, 3, padding='same', activation='tanh'),
    layers.Cropping2D(((2, 1), (0, 3))),
    layers.Reshape((6, 36)),
    layers.UpSampling1D(2),
    layers.Cropping1D((1, 2)),
    layers.ZeroPadding1D(1),
    layers.Conv1D(2, 3),
    layers.GlobalAveragePooling1D(),
], name='upsampling_padding_adam')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='mse', metrics=['mae'])
