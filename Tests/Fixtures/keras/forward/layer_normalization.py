# Forward-pass fixture layer_normalization: LayerNormalization on the last axis (multi-axis fails at predict in tf-keras 2.21 on CPU).
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 6)),
    layers.LayerNormalization(),
    layers.LayerNormalization(epsilon=1e-3),
    layers.LayerNormalization(center=False, scale=False),
], name='layer_normalization')
