# Training fixture transpose_layernorm_adam: Conv2DTranspose same/valid with strides and output_padding, LayerNormalization, Conv1DTranspose, Adam, mse.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 4, 3)),
    layers.Conv2DTranspose(4, 3, strides=2, padding='same', activation='relu'),
    layers.LayerNormalization(),
    layers.Conv2DTranspose(2, 2, strides=2, padding='valid', output_padding=1),
    layers.Reshape((289, 2)),
    layers.Conv1DTranspose(3, 3, strides=2, activation='tanh'),
    layers.LayerNormalization(epsilon=0.01, center=False),
    layers.GlobalAveragePooling1D(),
    layers.Dense(2),
], name='transpose_layernorm_adam')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='mse', metrics=['mae'])
