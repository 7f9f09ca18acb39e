# BatchNormalization options and LayerNormalization.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(16, 16, 8)),
    layers.BatchNormalization(),
    layers.BatchNormalization(center=False),
    layers.BatchNormalization(scale=False),
    layers.BatchNormalization(center=False, scale=False),
    layers.BatchNormalization(axis=1),
    layers.BatchNormalization(axis=-1, momentum=0.9, epsilon=1e-5),
    layers.LayerNormalization(),
    layers.LayerNormalization(axis=[1, 2, 3]),
    layers.LayerNormalization(center=False, scale=False),
    layers.Flatten(),
    layers.BatchNormalization(),
])
model.summary()
for layer in model.layers:
    print(layer.name, layer.count_params(), len(layer.trainable_weights), len(layer.non_trainable_weights))
