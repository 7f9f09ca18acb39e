# Asking an unbuilt model for its output shape.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([layers.Dense(10), layers.Dense(1)])
print(model.output_shape)
