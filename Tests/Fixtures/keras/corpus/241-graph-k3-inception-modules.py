# Two naive Inception modules (1x1, 3x3, 5x5 and pooling branches, concatenated), unnamed: the
# Connected to column lists four inputs for each concatenation.
from tensorflow import keras
from tensorflow.keras import layers


def inception(x, f1, f3, f5, fp):
    b1 = layers.Conv2D(f1, 1, padding="same", activation="relu")(x)
    b3 = layers.Conv2D(f3, 1, padding="same", activation="relu")(x)
    b3 = layers.Conv2D(f3, 3, padding="same", activation="relu")(b3)
    b5 = layers.Conv2D(f5, 1, padding="same", activation="relu")(x)
    b5 = layers.Conv2D(f5, 5, padding="same", activation="relu")(b5)
    bp = layers.MaxPooling2D(3, strides=1, padding="same")(x)
    bp = layers.Conv2D(fp, 1, padding="same", activation="relu")(bp)
    return layers.Concatenate()([b1, b3, b5, bp])


inputs = keras.Input(shape=(28, 28, 32))
x = inception(inputs, 8, 16, 4, 4)
x = inception(x, 16, 24, 8, 8)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(5)(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.summary()
print(model.count_params())
print([layer.name for layer in model.layers][-4:])
