# A backbone written as a Sequential block and reused inside a functional model; the summary
# plain and with expand_nested, at the default width and wider.
from tensorflow import keras
from tensorflow.keras import layers

block = keras.Sequential([
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.BatchNormalization(),
    layers.MaxPooling2D(),
], name="conv_block")
pic = keras.Input((32, 32, 3))
x = block(pic)
x = layers.GlobalAveragePooling2D()(x)
out = layers.Dense(10, activation="softmax")(x)
net = keras.Model(pic, out)
net.summary()
net.summary(expand_nested=True)
net.summary(show_trainable=True)
