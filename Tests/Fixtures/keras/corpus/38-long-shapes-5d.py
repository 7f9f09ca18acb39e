# 5D tensors whose shape strings are too long for the "Output Shape" column.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(16, 112, 112, 3)),
    layers.Conv3D(64, 3, padding='same'),
    layers.BatchNormalization(),
    layers.Conv3D(128, (3, 3, 3), padding='same'),
    layers.UpSampling3D(size=(2, 2, 2)),
    layers.Conv3D(1024, (1, 1, 1)),
    layers.ZeroPadding3D(padding=(10, 100, 100)),
    layers.MaxPooling3D(pool_size=(1, 2, 2)),
    layers.GlobalAveragePooling3D(keepdims=True),
], name='video_net')
model.summary()
print(model.layers[5].output_shape)
