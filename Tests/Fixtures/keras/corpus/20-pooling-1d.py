# Every flavour of 1D pooling on a sequence of length 99.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(99, 8)),
    layers.MaxPooling1D(),                                   # pool 2, strides None -> 2
    layers.MaxPooling1D(pool_size=3, strides=1),
    layers.MaxPooling1D(pool_size=3, padding='same'),
    layers.AveragePooling1D(pool_size=2, strides=1, padding='same'),
    layers.AveragePooling1D(4),
    layers.AveragePooling1D(pool_size=2, strides=3, padding='valid'),
    layers.MaxPool1D(2, padding='same'),
    layers.AvgPool1D(1),
])
model.summary()
print(model.output_shape)
print([layer.output_shape for layer in model.layers])
