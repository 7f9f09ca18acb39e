# compute_output_shape of built models: a fully convolutional model on several sizes, a chain
# with a fixed input, and a Sequential model.
from tensorflow import keras
from tensorflow.keras import layers

img = keras.Input(shape=(None, None, 3))
f = layers.Conv2D(8, 3, strides=2, padding="same")(img)
f = layers.Conv2D(4, 3)(f)
fcn = keras.Model(img, f)
print(fcn.compute_output_shape((None, 64, 64, 3)))
print(fcn.compute_output_shape((5, 33, 17, 3)))

seq = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(6), layers.Dense(2)])
print(seq.compute_output_shape((None, 10)))
print(seq.compute_output_shape((8, 10)))
