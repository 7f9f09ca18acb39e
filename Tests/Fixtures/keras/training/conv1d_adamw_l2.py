# Training fixture conv1d_adamw_l2: Conv1D same/strides, GlobalMaxPooling1D, l1/l2 regularizers, AdamW, mse.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(12, 3)),
    layers.Conv1D(5, 3, strides=2, padding='same', activation='elu', kernel_regularizer=keras.regularizers.l1(0.01)),
    layers.GlobalMaxPooling1D(),
    layers.Dense(2, kernel_regularizer=keras.regularizers.l2(0.02)),
], name='conv1d_adamw_l2')
model.compile(optimizer=keras.optimizers.AdamW(learning_rate=0.01, weight_decay=0.1), loss='mse', metrics=['mae'])
