# Forward-pass fixture global_avg_pool3d: GlobalAveragePooling3D.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 4, 2, 3)),
    layers.GlobalAveragePooling3D(),
], name='global_avg_pool3d')
