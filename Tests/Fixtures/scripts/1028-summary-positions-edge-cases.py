# summary(positions=...) at its edges: an empty list means the default positions in both Keras;
# Keras 3 checks every position it is given (tf-keras uses only one per column), and sizes the
# columns from the first ones.
from tensorflow import keras

model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2, name="out")], name="edges")
model.summary(positions=[])
model.summary(positions=())
model.summary(line_length=70, positions=[0.3, 0.6, 0.9, 1.0])
try:
    model.summary(line_length=70, positions=[0.3, 0.6, 0.9, 0.91])
except Exception as error:
    print(type(error).__name__, error)
