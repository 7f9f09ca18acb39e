# TimeDistributed on sequences of feature vectors: Dense, Dropout and BatchNormalization per step.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    layers.TimeDistributed(layers.Dense(16, activation='relu'), input_shape=(20, 8)),
    layers.TimeDistributed(layers.Dropout(0.1)),
    layers.TimeDistributed(layers.BatchNormalization()),
    layers.TimeDistributed(layers.Dense(4)),
])
model.summary()
for layer in model.layers:
    print(layer.name, layer.output_shape, layer.count_params())
