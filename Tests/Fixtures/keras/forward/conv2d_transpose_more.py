# Forward-pass fixture conv2d_transpose_more: Conv2DTranspose: even kernel, output_padding, stride 1.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 3, 2)),
    layers.Conv2DTranspose(3, 4, strides=2, padding='same'),
    layers.Conv2DTranspose(2, 3, strides=2, padding='valid', output_padding=1),
    layers.Conv2DTranspose(2, (2, 3), use_bias=False),
], name='conv2d_transpose_more')
