# Training fixture softmax_layer_mse_adam: a Softmax layer, GlobalMaxPooling2D with ties after ReLU, Adam beta_1 0.8, mse and accuracy.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 5, 2)),
    layers.Conv2D(3, 2, activation='relu', bias_regularizer=keras.regularizers.l2(0.05)),
    layers.GlobalMaxPooling2D(),
    layers.Dense(4),
    layers.Softmax(),
], name='softmax_layer_mse_adam')
model.compile(optimizer=keras.optimizers.Adam(0.02, beta_1=0.8), loss='mse', metrics=['accuracy'])
