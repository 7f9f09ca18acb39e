# Xception-like entry flow with SeparableConv2D (no residual connections).
from tensorflow import keras
from tensorflow.keras import layers

img_inputs = keras.Input(shape=(150, 150, 3))
model = keras.Sequential([
    img_inputs,
    layers.Conv2D(32, 3, strides=2, use_bias=False),
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.Conv2D(64, 3, use_bias=False),
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.SeparableConv2D(128, 3, padding="same", use_bias=False),
    layers.BatchNormalization(),
    layers.Activation("relu"),
    layers.SeparableConv2D(128, 3, padding="same", use_bias=False),
    layers.BatchNormalization(),
    layers.MaxPooling2D(3, strides=2, padding="same"),
    layers.SeparableConv2D(256, 3, padding="same", depth_multiplier=2),
    layers.SeparableConv2D(256, (5, 5), strides=(2, 2), activation="relu"),
    layers.GlobalMaxPooling2D(),
    layers.Dense(1, activation="sigmoid"),
])
model.summary()
print(model.layers[7].count_params(), model.layers[13].count_params())
