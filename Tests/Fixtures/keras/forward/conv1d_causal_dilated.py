# Forward-pass fixture conv1d_causal_dilated: Conv1D causal padding with dilation, and dilated valid.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(12, 2)),
    layers.Conv1D(3, 2, padding='causal'),
    layers.Conv1D(3, 3, padding='causal', dilation_rate=2),
    layers.Conv1D(4, 2, dilation_rate=3),
    layers.Conv1D(2, 3, padding='same', dilation_rate=2, use_bias=False),
], name='conv1d_causal_dilated')
