# groups=0: tf-keras reads it as `groups or 1`; Keras 3 asks for a positive number of groups.
from tensorflow import keras

try:
    model = keras.Sequential([keras.Input((4, 4, 1)), keras.layers.Conv2D(2, 3, groups=0)])
    model.summary()
except ValueError as error:
    print("ValueError:", error)
