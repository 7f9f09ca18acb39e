# Augmentation layers straight after the input of a functional model (not in a Sequential),
# then resizing and rescaling before a small CNN.
from tensorflow import keras
from tensorflow.keras import layers

raw = keras.Input(shape=(72, 96, 3), name="raw")
a = layers.RandomFlip("horizontal_and_vertical")(raw)
a = layers.RandomRotation(0.15, fill_mode="nearest")(a)
a = layers.RandomZoom(height_factor=(-0.2, 0.1))(a)
a = layers.RandomTranslation(0.1, 0.1)(a)
a = layers.RandomContrast(0.3)(a)
a = layers.RandomCrop(64, 80)(a)
a = layers.Resizing(48, 48)(a)
a = layers.Rescaling(1.0 / 127.5, offset=-1)(a)
c = layers.Conv2D(16, 3, activation="relu")(a)
c = layers.MaxPooling2D()(c)
c = layers.Conv2D(32, 3, activation="relu")(c)
c = layers.GlobalAveragePooling2D()(c)
augmented = keras.Model(raw, layers.Dense(4, activation="softmax")(c))
augmented.summary()
print(augmented.layers[1].name, augmented.layers[8].output_shape)
