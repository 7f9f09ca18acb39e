# A 3D convolution whose kernel is deeper than the clip.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(2, 32, 32, 3)),
    layers.Conv3D(8, (3, 3, 3)),
])
