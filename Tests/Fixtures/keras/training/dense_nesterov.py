# Training fixture dense_nesterov: SGD with Nesterov momentum, one-hot labels, a separate softmax layer.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5,)),
    layers.Dense(7, activation='tanh'),
    layers.Dense(4),
    layers.Activation('softmax'),
], name='dense_nesterov')
model.compile(optimizer=keras.optimizers.SGD(0.05, momentum=0.9, nesterov=True), loss='categorical_crossentropy', metrics=['accuracy'])
