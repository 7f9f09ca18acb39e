# MNIST from flat pixel rows: the model reshapes 784 values to an image itself.
from keras import layers, models

model = models.Sequential([
    layers.Reshape((28, 28, 1), input_shape=(784,)),
    layers.Conv2D(32, kernel_size=3, activation="relu"),
    layers.BatchNormalization(),
    layers.Conv2D(32, kernel_size=3, activation="relu"),
    layers.BatchNormalization(),
    layers.Conv2D(32, kernel_size=5, strides=2, padding="same", activation="relu"),
    layers.BatchNormalization(),
    layers.Dropout(0.4),
    layers.Flatten(),
    layers.Dense(128, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model.summary()
