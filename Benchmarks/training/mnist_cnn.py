# The benchmark model of Benchmarks/training_vs_tensorflow.py: a small MNIST-size CNN.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, 3, activation='relu'),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, activation='relu'),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, activation='softmax'),
], name='mnist_cnn')
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
