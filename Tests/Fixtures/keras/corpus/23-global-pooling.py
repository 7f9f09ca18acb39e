# Global pooling in 1D, 2D and 3D, with and without keepdims.
from tensorflow import keras
from tensorflow.keras import layers

m1 = keras.Sequential([
    keras.Input(shape=(50, 32)),
    layers.GlobalAveragePooling1D(keepdims=True),
    layers.GlobalMaxPooling1D(),
])
m2 = keras.Sequential([
    keras.Input(shape=(7, 7, 32)),
    layers.GlobalMaxPooling2D(keepdims=True),
    layers.GlobalAveragePooling2D(),
])
m3 = keras.Sequential([
    keras.Input(shape=(4, 7, 7, 32)),
    layers.GlobalAveragePooling3D(keepdims=True),
    layers.GlobalMaxPooling3D(keepdims=True),
    layers.GlobalMaxPool3D(),
])
m1.summary()
m2.summary()
m3.summary()
print(m1.output_shape, m2.output_shape, m3.output_shape)
print(m3.layers[1].output_shape)
