from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 2)),
    layers.Masking(mask_value=-1.0),
    layers.Bidirectional(layers.SimpleRNN(3, return_sequences=True)),
])
