# Transposed convolutions in one and three dimensions (signal decoder, volume decoder).
from tensorflow import keras
from tensorflow.keras import layers

signal = keras.Sequential([
    keras.Input(shape=(25, 16)),
    layers.Conv1DTranspose(16, 3, strides=2, padding="same", activation="relu"),
    layers.Conv1DTranspose(8, 4, strides=2, padding="valid"),
    layers.Conv1DTranspose(1, 3, padding="same", activation="tanh"),
], name="signal_decoder")
signal.summary()

# %%
volume = keras.Sequential([
    keras.Input(shape=(4, 4, 4, 32)),
    layers.Conv3DTranspose(16, 3, strides=2, padding="same", activation="relu"),
    layers.Conv3DTranspose(8, (2, 2, 2), strides=(2, 2, 2)),
    layers.Conv3D(1, 1, activation="sigmoid"),
], name="volume_decoder")
volume.summary()
