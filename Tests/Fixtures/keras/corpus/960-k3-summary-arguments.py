# summary() with its layout arguments: a narrower line_length and custom column positions.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input((32, 32, 3)),
    layers.Conv2D(8, 3, activation="relu", name="c1"),
    layers.MaxPooling2D(name="p1"),
    layers.Conv2D(16, 3, activation="relu", name="c2"),
    layers.GlobalAveragePooling2D(name="gap"),
    layers.Dense(10, name="out"),
], name="small_cnn")
model.summary(line_length=60)
model.summary(positions=[0.5, 0.8, 1.0])
