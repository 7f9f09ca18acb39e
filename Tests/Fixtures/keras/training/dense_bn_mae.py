# Training fixture dense_bn_mae: Dense, BatchNormalization on (N, C), tanh, the 'adam' string, mae.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4,)),
    layers.Dense(6),
    layers.BatchNormalization(momentum=0.9),
    layers.Activation('tanh'),
    layers.Dense(1),
], name='dense_bn_mae')
model.compile(optimizer='adam', loss='mae')
