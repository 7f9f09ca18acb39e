# A layer taken from a trained-looking model and called again on a tensor of another size:
# tf-keras traces the call and TensorFlow's shape check of the first operation fails;
# Keras 3 checks the layer's input spec first.
from tensorflow import keras
from tensorflow.keras import layers

source = keras.Input(shape=(20,))
hidden = layers.Dense(12, activation="relu")(source)
last = layers.Dense(6, name="head")(hidden)
net = keras.Model(source, last)

head = net.layers[-1]
probe = keras.Input(shape=(5,), batch_size=3)
try:
    head(probe)
except ValueError as error:
    print("dense:", error)

images = keras.Input(shape=(16, 16, 3))
conv = layers.Conv2D(8, 3, strides=2, padding="same", name="stem")
conv(images)
gray = keras.Input(shape=(16, 16, 2))
try:
    conv(gray)
except ValueError as error:
    print("conv same:", error)

valid = layers.Conv2D(4, (3, 5), name="wide")
valid(keras.Input(shape=(12, 12, 5)))
try:
    valid(keras.Input(shape=(12, 12, 3)))
except ValueError as error:
    print("conv valid:", error)

encoder_input = keras.Input(shape=(30,))
code = layers.Dense(8)(encoder_input)
out = layers.Dense(30)(layers.Dense(16)(code))
auto = keras.Model(encoder_input, out)
small = keras.Input(shape=(8,))
auto.layers[-1](small)
