# Forward-pass fixture conv2d_dilation_groups: Conv2D with dilation_rate and with groups.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 10, 4)),
    layers.Conv2D(4, 3, dilation_rate=2),
    layers.Conv2D(4, 3, dilation_rate=(1, 2), padding='same'),
    layers.Conv2D(6, 3, groups=2, padding='same'),
    layers.Conv2D(6, 1, groups=3),
], name='conv2d_dilation_groups')
