# Training fixture conv_adam_bn: Conv2D strides/padding/dilation, BatchNormalization, pooling, Adam, logits.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(9, 9, 2)),
    layers.Conv2D(4, 3, strides=2, padding='same'),
    layers.BatchNormalization(),
    layers.Activation('relu'),
    layers.Conv2D(6, 2, dilation_rate=2, activation='relu'),
    layers.MaxPooling2D(2, padding='same'),
    layers.GlobalAveragePooling2D(),
    layers.Dense(3),
], name='conv_adam_bn')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['sparse_categorical_accuracy'])
