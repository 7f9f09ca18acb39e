# Forward-pass fixture center_crop_upsize: CenterCrop larger than the image (smart_resize), bicubic Resizing, Normalization axis=None and invert.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 7, 2)),
    layers.CenterCrop(8, 6),
    layers.Resizing(9, 4, interpolation='bicubic'),
    layers.Normalization(axis=None, mean=0.5, variance=2.0),
    layers.Normalization(mean=[0.25, -1.0], variance=[4.0, 0.0], invert=True),
    layers.Normalization(axis=(1, 2), mean=[0.5, -0.5, 0.0, 1.0], variance=[0.25, 9.0, 1.0, 2.0]),
], name='center_crop_upsize')
