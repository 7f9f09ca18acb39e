# Normalization layers with options that change their weights.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(16, 16, 32))
x = layers.BatchNormalization(center=False)(inputs)
x = layers.BatchNormalization(scale=False, momentum=0.9)(x)
x = layers.BatchNormalization(center=False, scale=False)(x)
x = layers.LayerNormalization(epsilon=1e-6)(x)
x = layers.LayerNormalization(axis=[1, 2, 3], center=False)(x)
x = layers.GroupNormalization(groups=8)(x)
x = layers.Conv2D(16, 1)(x)
x = layers.UnitNormalization()(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.LayerNormalization(scale=False)(x)
model = keras.Model(inputs, outputs)
model.summary()
