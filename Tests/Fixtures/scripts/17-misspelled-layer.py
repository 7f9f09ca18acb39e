from tensorflow import keras
from tensorflow.keras import layers

print("building")
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2d(32, 3),
])
