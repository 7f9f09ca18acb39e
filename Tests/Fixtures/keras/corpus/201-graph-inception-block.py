# An Inception-style block: four parallel branches over the same feature map, joined along the
# channel axis.
from tensorflow import keras
from tensorflow.keras import layers

x_in = keras.Input(shape=(28, 28, 64))
b1 = layers.Conv2D(16, 1, activation="relu")(x_in)
b2 = layers.Conv2D(24, 1, activation="relu")(x_in)
b2 = layers.Conv2D(32, 3, padding="same", activation="relu")(b2)
b3 = layers.Conv2D(4, 1, activation="relu")(x_in)
b3 = layers.Conv2D(8, 5, padding="same", activation="relu")(b3)
b4 = layers.MaxPooling2D(3, strides=1, padding="same")(x_in)
b4 = layers.Conv2D(8, 1, activation="relu")(b4)
merged = layers.concatenate([b1, b2, b3, b4], axis=-1, name="mixed")
head = layers.GlobalAveragePooling2D()(merged)
model = keras.Model(inputs=x_in, outputs=layers.Dense(5)(head))
model.summary()
print(model.get_layer("mixed").output_shape)
