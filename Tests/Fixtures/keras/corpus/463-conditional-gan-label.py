# Conditional GAN generator: the class label is embedded, projected to a feature map and concatenated.
from tensorflow import keras
from tensorflow.keras import layers

n_classes = 10
latent_dim = 100

in_label = keras.Input(shape=(1,))
li = layers.Embedding(n_classes, 50)(in_label)
li = layers.Dense(7 * 7)(li)
li = layers.Reshape((7, 7, 1))(li)

in_lat = keras.Input(shape=(latent_dim,))
gen = layers.Dense(128 * 7 * 7)(in_lat)
gen = layers.LeakyReLU(0.2)(gen)
gen = layers.Reshape((7, 7, 128))(gen)

merge = layers.Concatenate()([gen, li])
gen = layers.Conv2DTranspose(128, (4, 4), strides=(2, 2), padding="same")(merge)
gen = layers.LeakyReLU(0.2)(gen)
gen = layers.Conv2DTranspose(128, (4, 4), strides=(2, 2), padding="same")(gen)
gen = layers.LeakyReLU(0.2)(gen)
out_layer = layers.Conv2D(1, (7, 7), activation="tanh", padding="same")(gen)
model = keras.Model([in_lat, in_label], out_layer)
model.summary()
