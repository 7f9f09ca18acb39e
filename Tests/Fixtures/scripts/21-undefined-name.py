from tensorflow import keras
from tensorflow.keras import layers

num_classes = 10
model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(num_clases)])
