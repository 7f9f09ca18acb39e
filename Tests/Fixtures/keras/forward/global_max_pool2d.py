# Forward-pass fixture global_max_pool2d: GlobalMaxPooling2D keepdims.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 4, 3)),
    layers.GlobalMaxPooling2D(keepdims=True),
], name='global_max_pool2d')
