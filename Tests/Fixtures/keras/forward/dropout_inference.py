# Forward-pass fixture dropout_inference: Dropout and SpatialDropout are the identity at inference.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 4, 2)),
    layers.Dropout(0.5),
    layers.SpatialDropout2D(0.3),
    layers.Reshape((16, 2)),
    layers.SpatialDropout1D(0.2),
    layers.Dense(3),
], name='dropout_inference')
