# CIFAR-10 with augmentation layers inside the model, as in the TensorFlow data augmentation tutorial.
import tensorflow as tf
from tensorflow.keras import layers

IMG_SIZE = 32

data_augmentation = tf.keras.Sequential([
    layers.RandomFlip("horizontal_and_vertical"),
    layers.RandomRotation(0.2),
    layers.RandomZoom(height_factor=(-0.2, -0.1), width_factor=0.1),
    layers.RandomTranslation(0.1, 0.1),
    layers.RandomContrast(factor=0.1),
])

resize_and_rescale = tf.keras.Sequential([
    layers.Resizing(IMG_SIZE, IMG_SIZE),
    layers.Rescaling(1./255),
])

model = tf.keras.Sequential([
    layers.Input(shape=(48, 48, 3)),
    resize_and_rescale,
    data_augmentation,
    layers.Conv2D(16, 3, padding='same', activation='relu'),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, padding='same', activation='relu'),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, padding='same', activation='relu'),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(128, activation='relu'),
    layers.Dense(10),
])
model.summary()
