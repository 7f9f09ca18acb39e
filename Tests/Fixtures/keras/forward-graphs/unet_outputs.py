from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input(shape=(8, 8, 2))
e1 = layers.Conv2D(4, 3, padding="same", activation="relu")(image)
p1 = layers.MaxPooling2D()(e1)
e2 = layers.Conv2D(8, 3, padding="same", activation="relu")(p1)
u1 = layers.Conv2DTranspose(4, 2, strides=2)(e2)
d1 = layers.concatenate([u1, e1])
mask = layers.Conv2D(1, 1, activation="sigmoid")(d1)
score = layers.Dense(2)(layers.GlobalAveragePooling2D()(e2))
model = keras.Model(image, [mask, score])
