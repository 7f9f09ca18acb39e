# Forward-pass fixture global_max_pool1d: GlobalMaxPooling1D.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(7, 3)),
    layers.GlobalMaxPooling1D(),
], name='global_max_pool1d')
