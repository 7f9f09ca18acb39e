# A small video classifier with 3-D convolutions: 5-D output shapes, which are longer than the
# shape column at the default width.
from tensorflow import keras
from tensorflow.keras import layers

clip = keras.Sequential([
    keras.Input((16, 112, 112, 3)),
    layers.Conv3D(64, 3, padding="same", activation="relu"),
    layers.MaxPooling3D((1, 2, 2)),
    layers.Conv3D(128, 3, padding="same", activation="relu"),
    layers.GlobalAveragePooling3D(),
    layers.Dense(101, activation="softmax"),
], name="clip_classifier")
clip.summary()
