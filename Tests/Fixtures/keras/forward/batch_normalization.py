# Forward-pass fixture batch_normalization: BatchNormalization in inference mode, with center/scale off and axis=1.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 5, 3)),
    layers.BatchNormalization(),
    layers.BatchNormalization(center=False),
    layers.BatchNormalization(scale=False, epsilon=0.01),
    layers.BatchNormalization(axis=1),
], name='batch_normalization')
