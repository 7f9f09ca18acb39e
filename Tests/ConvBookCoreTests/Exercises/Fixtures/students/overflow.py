# A model whose parameter count does not fit in 64 bits: on a wrapping engine it counted
# -9,223,372,036,854,775,798 parameters and passed `count_params() < 10000`.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(2**62, 3, activation="relu"),
    layers.GlobalMaxPooling2D(),
    layers.Dense(10, activation="softmax"),
])
