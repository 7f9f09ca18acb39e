# Forward-pass fixture global_avg_pool1d: GlobalAveragePooling1D keepdims.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(7, 3)),
    layers.GlobalAveragePooling1D(keepdims=True),
], name='global_avg_pool1d')
