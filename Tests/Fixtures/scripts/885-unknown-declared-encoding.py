# vim: set fileencoding=latin-9 :
# A codec name Python does not know is the same "encoding problem" before anything runs.
from tensorflow import keras

print(keras.layers.Dense(2).units)
