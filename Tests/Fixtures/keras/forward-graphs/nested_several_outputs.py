from tensorflow import keras
from tensorflow.keras import layers

enc_in = keras.Input(shape=(8, 8, 3))
f1 = layers.Conv2D(4, 3, padding="same", activation="relu")(enc_in)
f2 = layers.Conv2D(6, 3, strides=2, padding="same", activation="relu")(f1)
f3 = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(f2)
encoder = keras.Model(enc_in, [f1, f2, f3], name="encoder")
left = keras.Input(shape=(2, 2, 8))
right = keras.Input(shape=(2, 2, 8))
pair = keras.Model([left, right], layers.Multiply()([left, layers.Dense(8)(right)]), name="pair")
image = keras.Input(shape=(8, 8, 3))
skips = encoder(image)
x = pair([skips[2], skips[2]])
for skip in reversed(skips[:-1]):
    x = layers.Conv2DTranspose(4, 3, strides=2, padding="same")(x)
    x = layers.Concatenate()([x, skip])
model = keras.Model(image, [layers.Conv2D(2, 1)(x), skips[1]])
