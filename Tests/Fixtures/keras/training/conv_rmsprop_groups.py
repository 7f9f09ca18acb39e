# Training fixture conv_rmsprop_groups: grouped Conv2D, AveragePooling2D same, Flatten, sigmoid, RMSprop.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8, 8, 4)),
    layers.Conv2D(6, 3, groups=2, activation='relu'),
    layers.AveragePooling2D(pool_size=3, strides=2, padding='same'),
    layers.Flatten(),
    layers.Dense(1, activation='sigmoid'),
], name='conv_rmsprop_groups')
model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.005, momentum=0.5), loss='binary_crossentropy', metrics=['accuracy'])
