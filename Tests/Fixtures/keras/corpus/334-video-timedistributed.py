# Video classification: a small CNN applied to every frame with TimeDistributed, frames averaged.
from tensorflow import keras
from tensorflow.keras import layers

frames, height, width = 8, 64, 64
model = keras.Sequential([
    keras.Input(shape=(frames, height, width, 3)),
    layers.TimeDistributed(layers.Conv2D(16, 3, activation='relu')),
    layers.TimeDistributed(layers.MaxPooling2D(2)),
    layers.TimeDistributed(layers.Conv2D(32, 3, activation='relu')),
    layers.TimeDistributed(layers.BatchNormalization()),
    layers.TimeDistributed(layers.GlobalAveragePooling2D()),
    layers.GlobalAveragePooling1D(),
    layers.Dropout(0.5),
    layers.Dense(6, activation='softmax'),
], name='frame_cnn')
model.summary()
print(model.layers[0].output_shape)
print(model.layers[3].count_params())
