# Training fixture depthwise1d_dilated_adam: DepthwiseConv1D with dilation and same padding, l2 on the depthwise kernel, no bias, Adam.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(11, 2)),
    layers.DepthwiseConv1D(3, dilation_rate=2, padding='same', use_bias=False, depthwise_regularizer=keras.regularizers.l2(0.05)),
    layers.Flatten(),
    layers.Dense(2),
], name='depthwise1d_dilated_adam')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss='mse', metrics=['mae'])
