# Forward-pass fixture global_channels_first: GlobalMaxPooling1D and Conv1D with channels_first.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 10)),
    layers.Conv1D(4, 3, data_format='channels_first'),
    layers.GlobalMaxPooling1D(data_format='channels_first'),
], name='global_channels_first')
