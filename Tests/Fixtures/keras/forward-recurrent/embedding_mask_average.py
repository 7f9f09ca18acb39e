from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Embedding(20, 5, mask_zero=True),
    layers.SpatialDropout1D(0.2),
    layers.Dense(4, activation='relu'),
    layers.GlobalAveragePooling1D(),
    layers.Dense(2),
])
