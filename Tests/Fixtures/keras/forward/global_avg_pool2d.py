# Forward-pass fixture global_avg_pool2d: GlobalAveragePooling2D.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 4, 3)),
    layers.GlobalAveragePooling2D(),
], name='global_avg_pool2d')
