# Training fixture conv3x3_wide_adam: 3x3 stride-1 Conv2D layers of 8+ channels, same and valid, MaxPooling2D, Adam.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 10, 3)),
    layers.Conv2D(8, 3, activation='relu'),
    layers.Conv2D(12, 3, padding='same', activation='relu'),
    layers.MaxPooling2D(),
    layers.Conv2D(9, 3, activation='relu'),
    layers.Flatten(),
    layers.Dense(3, activation='softmax'),
], name='conv3x3_wide_adam')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
