# SpatialDropout drops whole feature maps.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(100, 16)),
    layers.Conv1D(32, 3, activation='relu'),
    layers.SpatialDropout1D(0.2),
    layers.Reshape((49, 2, 32)),
    layers.SpatialDropout2D(0.25),
    layers.Reshape((7, 7, 2, 32)),
    layers.SpatialDropout3D(0.1),
    layers.Flatten(),
    layers.Dropout(0.5),
    layers.Dense(1),
])
model.summary()
