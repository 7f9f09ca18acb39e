# Forward-pass fixture seed_small: The seed article's Flatten-head CNN at 18x18x3 with fewer filters.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(18, 18, 3)),
    layers.Conv2D(4, (3, 3), activation='relu'),
    layers.Conv2D(4, (3, 3), activation='relu'),
    layers.MaxPooling2D((2, 2), (2, 2)),
    layers.BatchNormalization(),
    layers.Conv2D(8, (3, 3), activation='relu'),
    layers.Conv2D(8, (3, 3), activation='relu'),
    layers.MaxPooling2D((2, 2), (2, 2)),
    layers.BatchNormalization(),
    layers.Flatten(),
    layers.Dropout(0.3),
    layers.Dense(16, activation='relu'),
    layers.Dense(8, activation='relu'),
    layers.Dense(10, activation='softmax'),
], name='seed_small')
