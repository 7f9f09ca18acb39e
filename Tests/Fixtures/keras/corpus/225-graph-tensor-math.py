# Hand-written arithmetic between feature maps: gating, scaling and centring.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(10, 10, 8))
features = layers.Conv2D(8, 3, padding="same")(inputs)
gate = layers.Conv2D(8, 1, activation="sigmoid")(inputs)
gated = features * gate
scaled = 2.0 * gated
shifted = scaled - 1.0
mean = layers.GlobalAveragePooling2D(keepdims=True)(shifted)
centred = shifted - mean
ratio = centred / 3.0
mixed = inputs + ratio
model = keras.Model(inputs, -mixed, name="tensor_math")
model.summary()
