# Forward-pass fixture global_max_pool3d: GlobalMaxPooling3D keepdims.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 4, 2, 3)),
    layers.GlobalMaxPooling3D(keepdims=True),
], name='global_max_pool3d')
