# One trunk, three heads: classification, a bounding box and a mask, as in detection tutorials.
from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input(shape=(64, 64, 3), name="image")
t = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(image)
t = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(t)
pooled = layers.GlobalAveragePooling2D()(t)
label = layers.Dense(4, activation="softmax", name="label")(pooled)
box = layers.Dense(4, activation="sigmoid", name="box")(pooled)
up = layers.Conv2DTranspose(16, 4, strides=4, padding="same", activation="relu")(t)
mask = layers.Conv2D(1, 1, activation="sigmoid", name="mask")(up)
detector = keras.Model(inputs=image, outputs=[label, box, mask], name="detector")
detector.summary()
print(detector.output_shape)
