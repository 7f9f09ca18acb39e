# Forward-pass fixture dense_rank3: Dense on a rank-3 input.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 5)),
    layers.Dense(3, activation='tanh'),
    layers.Dense(2, use_bias=False),
], name='dense_rank3')
