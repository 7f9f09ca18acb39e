# Training fixture rmsprop_default_flatten: Conv2D valid, MaxPooling2D, Flatten, Dense, rmsprop by name, sparse labels (N, 1).
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(7, 7, 1)),
    layers.Conv2D(4, 3, activation='relu'),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, activation='softmax'),
], name='rmsprop_default_flatten')
model.compile(optimizer='rmsprop', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
