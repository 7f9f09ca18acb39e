# Forward-pass fixture group_unit_normalization: GroupNormalization (groups, per-channel groups without beta) and UnitNormalization.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 5, 8)),
    layers.Conv2D(8, 3, padding='same'),
    layers.GroupNormalization(groups=4),
    layers.Conv2D(6, 1),
    layers.GroupNormalization(groups=-1, center=False, epsilon=1e-5),
    layers.Flatten(),
    layers.Dense(5),
    layers.UnitNormalization(),
], name='group_unit_normalization')
