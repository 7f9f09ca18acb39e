# A model cut at an intermediate tensor, whose output still needs the original input.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(10,))
mid = layers.Dense(6, name="trunk")(inputs)
side = layers.Dense(3, name="side")(inputs)
out = layers.Add(name="merge")([layers.Dense(3, name="branch")(mid), side])
head = keras.Model(inputs=mid, outputs=out)
