# Loss objects called on plain Python lists: Keras converts them to tensors (integer targets
# become floats) and returns the mean loss over the samples.
from tensorflow import keras

crossentropy = keras.losses.CategoricalCrossentropy()
print(crossentropy([[0, 1, 0], [0, 0, 1]], [[0.05, 0.9, 0.05], [0.1, 0.2, 0.7]]).numpy())
print(crossentropy([[1, 0], [0, 1]], [[1, 0], [0.5, 0.5]]))

squared = keras.losses.MeanSquaredError()
print(squared([[1.0, 2.0], [3.0, 4.0]], [[1.5, 2.0], [2.0, 4.0]]))

absolute = keras.losses.MeanAbsoluteError()
print(float(absolute([[1], [0], [1]], [[0.75], [0.5], [1.5]])))
