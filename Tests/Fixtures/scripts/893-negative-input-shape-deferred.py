# A layer given input_shape=(-1, ...) is made as Keras makes it (its sizes are checked only when a
# Sequential model makes its input layer from them), so a custom layer that holds one never used
# first in a Sequential works; the Sequential model fails with each Keras' own words.
from tensorflow import keras

odd = keras.layers.Dense(2, input_shape=(-1, 4))
print(odd.name)
inputs = keras.Input((4,))
print(odd(inputs).shape)
try:
    keras.Sequential([keras.layers.Dense(1, input_shape=(3, -2))])
except ValueError as error:
    print("ValueError:", error)
