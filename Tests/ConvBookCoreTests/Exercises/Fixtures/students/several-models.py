from tensorflow import keras
from tensorflow.keras import layers

first = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.GlobalMaxPooling2D(), layers.Dense(10)])
second = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.Flatten(), layers.Dense(10)])
