from tensorflow import keras
from tensorflow.keras import layers

def blend(pair):
    a, b = pair
    return 0.75 * a - b / 4.0

inputs = keras.Input(shape=(6, 6, 3))
scaled = layers.Lambda(lambda x: x / 2.0 - 1.0)(inputs)
conv = layers.Conv2D(3, 3, padding="same")(scaled)
mixed = layers.Lambda(blend, name="blend")([conv, scaled])
squared = layers.Lambda(lambda t: -(t * t))(mixed)
model = keras.Model(inputs, layers.Flatten()(squared))
