# Grouped convolutions (ResNeXt-style cardinality) in 1D, 2D and 3D.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(32, 32, 64)),
    layers.Conv2D(128, 3, padding="same", groups=32, use_bias=False),
    layers.BatchNormalization(),
    layers.ReLU(),
    layers.Conv2D(256, 1, groups=4),
    layers.Conv2D(256, (3, 3), strides=2, groups=256),
], name="resnext_ish")
model.summary()

seq1d = keras.Sequential([
    keras.Input(shape=(100, 12)),
    layers.Conv1D(24, 5, groups=3),
    layers.Conv1D(24, 3, groups=24, padding="causal"),
])
seq1d.summary()

vol = keras.Sequential([
    keras.Input(shape=(8, 16, 16, 8)),
    layers.Conv3D(16, 3, groups=2, padding="same"),
])
vol.summary()
print(vol.count_params())
