# A padding value that pooling does not know.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.MaxPooling2D(2, padding='causal'),
])
