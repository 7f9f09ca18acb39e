# Training fixture conv3d_sgd_probabilities: Conv3D, AveragePooling3D, softmax probabilities after a Dense with linear output clipped.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 5, 5, 1)),
    layers.Conv3D(3, 2, activation='sigmoid'),
    layers.AveragePooling3D(2),
    layers.Flatten(),
    layers.Dense(3, activation='softmax'),
], name='conv3d_sgd_probabilities')
model.compile(optimizer='sgd', loss='categorical_crossentropy', metrics=['categorical_accuracy'])
