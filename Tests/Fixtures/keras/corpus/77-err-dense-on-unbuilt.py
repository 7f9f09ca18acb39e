# Connecting a layer to the output of an unbuilt model.
from tensorflow import keras
from tensorflow.keras import layers

base = keras.Sequential([layers.Conv2D(8, 3), layers.GlobalAveragePooling2D()])
head = layers.Dense(10)(base.output)
