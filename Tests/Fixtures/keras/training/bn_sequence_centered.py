# Training fixture bn_sequence_centered: BatchNormalization on (N, T, C) without center, Reshape, RMSprop centered, binary logits.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 3)),
    layers.Dense(4, activation='sigmoid'),
    layers.BatchNormalization(center=False),
    layers.Reshape((24,)),
    layers.Dense(2),
], name='bn_sequence_centered')
model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01, centered=True), loss=keras.losses.BinaryCrossentropy(from_logits=True), metrics=['binary_accuracy'])
