# Forward-pass fixture conv2d_same_even_kernel: Conv2D same padding with even kernels and stride 2 (asymmetric padding).
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8, 7, 2)),
    layers.Conv2D(3, 4, strides=2, padding='same'),
    layers.Conv2D(3, 2, padding='same'),
], name='conv2d_same_even_kernel')
