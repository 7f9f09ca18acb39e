# A functional block with a skip connection, reused as a layer of a bigger model, and a siamese
# encoder shared by two inputs.
from tensorflow import keras
from tensorflow.keras import layers

block_in = keras.Input(shape=(8, 8, 16))
branch = layers.Conv2D(16, 3, padding="same", activation="relu")(block_in)
branch = layers.Conv2D(16, 3, padding="same")(branch)
block = keras.Model(block_in, layers.Add()([block_in, branch]), name="res_block")

inputs = keras.Input(shape=(8, 8, 3))
x = layers.Conv2D(16, 1)(inputs)
x = block(x)
x = layers.GlobalMaxPooling2D()(x)
model = keras.Model(inputs, layers.Dense(2)(x), name="outer")
model.summary()
model.summary(expand_nested=True, show_trainable=True)

encoder = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(6, activation="relu"),
    layers.Dense(4),
], name="encoder")
left = keras.Input(shape=(10,))
right = keras.Input(shape=(10,))
distance = layers.subtract([encoder(left), encoder(right)])
siamese = keras.Model([left, right], layers.Dense(1, activation="sigmoid")(distance))
siamese.summary()
