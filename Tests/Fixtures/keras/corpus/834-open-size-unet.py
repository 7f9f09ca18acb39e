# A fully convolutional network on inputs of any size: (None, None, 3) images, strided
# convolutions and transposed convolutions, concatenated skips with unknown sizes.
from tensorflow import keras
from tensorflow.keras import layers

anysize = keras.Input(shape=(None, None, 3), name="anysize")
e1 = layers.Conv2D(8, 3, padding="same", activation="relu")(anysize)
e2 = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(e1)
e3 = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(e2)
d2 = layers.Conv2DTranspose(16, 3, strides=2, padding="same")(e3)
d2 = layers.concatenate([d2, e2])
d1 = layers.Conv2DTranspose(8, 3, strides=2, padding="same")(d2)
d1 = layers.concatenate([d1, e1])
heat = layers.Conv2D(1, 1, activation="sigmoid")(d1)
fcn = keras.Model(anysize, heat, name="fcn_any")
fcn.summary()
print(fcn.output_shape)
print(fcn.compute_output_shape((2, 64, 48, 3)))
