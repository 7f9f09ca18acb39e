from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(10, 10, 8))
x = layers.Conv2D(8, 3, padding="same", use_bias=False)(inputs)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
x = layers.Conv2D(8, 3, padding="same", use_bias=False)(x)
x = layers.BatchNormalization()(x)
x = layers.Add()([x, inputs])
block1 = layers.Activation("relu")(x)
y = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(block1)
y = layers.Conv2D(16, 3, padding="same")(y)
shortcut = layers.Conv2D(16, 1, strides=2)(block1)
y = layers.add([shortcut, y])
y = layers.ReLU()(y)
y = layers.GlobalAveragePooling2D()(y)
outputs = layers.Dense(4, activation="softmax")(y)
model = keras.Model(inputs, outputs)
