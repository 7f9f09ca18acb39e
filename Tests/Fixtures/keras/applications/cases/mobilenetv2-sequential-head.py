from tensorflow import keras
from tensorflow.keras import layers

base = keras.applications.MobileNetV2(input_shape=(96, 96, 3), include_top=False, weights="imagenet")
base.trainable = False
model = keras.Sequential([
    base,
    layers.GlobalAveragePooling2D(),
    layers.Dropout(0.2),
    layers.Dense(10, activation="softmax"),
])
model.summary()
print(len(model.layers), len(model.trainable_weights), len(model.non_trainable_weights))
