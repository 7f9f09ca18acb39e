# Conv2DTranspose: strides, padding and output_padding; also 1D and 3D.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(7, 7, 16)),
    layers.Conv2DTranspose(16, 3),                                   # valid, stride 1: 9x9
    layers.Conv2DTranspose(16, 3, strides=2),                        # valid: (9-1)*2+3 = 19
    layers.Conv2DTranspose(8, 3, strides=2, padding='same'),         # 38
    layers.Conv2DTranspose(8, (4, 4), strides=(2, 2), padding='same'),
    layers.Conv2DTranspose(8, 3, strides=2, padding='same', output_padding=0),
    layers.Conv2DTranspose(4, 3, strides=2, padding='valid', output_padding=1),
    layers.Conv2DTranspose(4, (5, 3), strides=(3, 2), output_padding=(2, 1), use_bias=False),
    layers.Conv2DTranspose(2, 3, dilation_rate=2),
])
model.summary()

t1 = keras.Sequential([
    keras.Input(shape=(10, 4)),
    layers.Conv1DTranspose(8, 3, strides=2),
    layers.Conv1DTranspose(8, 4, strides=2, padding='same'),
])
t1.summary()

t3 = keras.Sequential([
    keras.Input(shape=(2, 4, 4, 8)),
    layers.Conv3DTranspose(4, 3, strides=2, padding='same'),
    layers.Conv3DTranspose(2, (2, 3, 3), strides=(1, 2, 2)),
])
t3.summary()
