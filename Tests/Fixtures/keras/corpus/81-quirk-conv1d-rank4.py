# Conv1D accepts an input of rank > 3: the extra leading axes act like batch axes.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv1D(16, 3),
])
model.summary()
print(model.output_shape)
