# Forward-pass fixture conv1d_groups: Conv1D with groups.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(9, 4)),
    layers.Conv1D(6, 3, groups=2),
    layers.Conv1D(6, 1, groups=3, padding='same'),
], name='conv1d_groups')
