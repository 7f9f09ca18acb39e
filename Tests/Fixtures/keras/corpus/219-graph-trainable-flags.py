# Freezing before the summary: a frozen layer, a frozen nested block and a whole model frozen,
# then unfrozen again.
from tensorflow import keras
from tensorflow.keras import layers

block = keras.Sequential([
    layers.Conv2D(8, 3, padding="same", activation="relu"),
    layers.BatchNormalization(),
], name="block")

inputs = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(8, 1, name="entry")(inputs)
y = block(x)
z = layers.add([x, y])
z = layers.Flatten()(z)
head = layers.Dense(4, name="head")
outputs = head(z)
model = keras.Model(inputs, outputs, name="frozen_parts")
head.trainable = False
model.summary()
block.trainable = False
head.trainable = True
model.summary()
model.trainable = False
model.summary(show_trainable=True)
model.trainable = True
model.summary(show_trainable=True)
